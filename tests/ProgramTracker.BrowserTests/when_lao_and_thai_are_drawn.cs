using ProgramTracker.Api.Security;

namespace ProgramTracker.BrowserTests;

/// <summary>
/// A machine with no Thai font draws Thai as identical empty boxes. These tests make the browser draw single
/// letters in the fonts the app ships and compare the pixels: distinct letters must give distinct pictures.
/// (With the Thai font files made unreachable, the Thai case fails here on its pictures alone.) A comparison
/// with an unknown font would prove nothing on a machine that has system Noto fonts, so there is none.
/// </summary>
public sealed class when_lao_and_thai_are_drawn(BrowserFixture app) : BrowserTest(app)
{
    [Theory]
    [InlineData("th-TH", "Noto Sans Thai", new[] { "ก", "ข", "ค", "ง", "จ", "ฉ" })]
    [InlineData("lo-LA", "Noto Sans Lao", new[] { "ກ", "ຂ", "ຄ", "ງ", "ຈ", "ສ" })]
    public async Task the_shipped_web_font_draws_a_distinct_glyph_for_each_letter(string locale, string family, string[] letters)
    {
        await using var context = await App.NewContextAsync(locale, signedInAs: DemoUsers.Administrator);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        var loaded = await page.EvaluateAsync<string[]>(
            "async family => { await document.fonts.ready; return [...document.fonts].filter(f => f.family.replaceAll('\"', '') === family && f.status === 'loaded').map(f => f.weight); }",
            family);
        loaded.ShouldNotBeEmpty($"the page in {locale} did not load the shipped {family} font");

        var shipped = await Glyphs(page, family, letters);
        shipped.Distinct(ByteArrays.Comparer).Count().ShouldBe(letters.Length, $"some {family} letters were drawn alike, as boxes are");

        await Screenshot($"glyphs-{locale}", page);
    }

    private static async Task<byte[][]> Glyphs(IPage page, string family, string[] letters)
    {
        await page.EvaluateAsync("""
            ([family, letters]) => {
              document.getElementById('glyph-test')?.remove();
              const box = document.createElement('div');
              box.id = 'glyph-test';
              box.style.cssText = 'position:fixed;top:0;left:0;background:#fff;z-index:99;display:flex;gap:4px';
              for (const letter of letters) {
                const cell = document.createElement('span');
                cell.textContent = letter;
                cell.style.cssText = `font-family:"${family}";font-size:48px;line-height:64px;width:64px;height:64px;display:inline-block;text-align:center;color:#000`;
                box.appendChild(cell);
              }
              document.body.appendChild(box);
              return document.fonts.ready;
            }
            """, new object[] { family, letters });
        var cells = page.Locator("#glyph-test span");
        var pictures = new byte[letters.Length][];
        for (var i = 0; i < letters.Length; i++) pictures[i] = await cells.Nth(i).ScreenshotAsync();
        return pictures;
    }

    private sealed class ByteArrays : IEqualityComparer<byte[]>
    {
        public static readonly ByteArrays Comparer = new();
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);
        public int GetHashCode(byte[] bytes) => bytes.Length;
    }
}
