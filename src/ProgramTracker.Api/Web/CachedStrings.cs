using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;
using ProgramTracker.Api.Web.Resources;

namespace ProgramTracker.Api.Web;

/// <summary>
/// The interface strings as the pages read them (<c>L</c> in every view, the page helpers, the api-form tag helper),
/// each read from the resources once per language. ResourceManagerStringLocalizer builds a
/// cache-key string and walks the resource sets on every lookup, and one page looks up hundreds. Only strings the
/// resources have are kept, so a name made from request input cannot grow the cache; a missing one is answered as
/// the resources answer it.
/// </summary>
public sealed class CachedStrings(IStringLocalizerFactory factory) : IStringLocalizer<Strings>
{
    private readonly IStringLocalizer _resources = factory.Create(typeof(Strings));
    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> _found = new();

    public LocalizedString this[string name]
    {
        get
        {
            var key = (CultureInfo.CurrentUICulture.Name, name);
            if (_found.TryGetValue(key, out var found)) return found;
            var read = _resources[name];
            if (!read.ResourceNotFound) _found.TryAdd(key, read);
            return read;
        }
    }

    // As ResourceManagerStringLocalizer formats: in the current culture, the name itself when the resources lack it.
    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => _resources.GetAllStrings(includeParentCultures);
}
