namespace ProgramTracker.Api.SampleData;

/// <summary>
/// Fixed ids of the sample agreements that ship with ProgramTracker (see shared mou-catalog), so that every
/// capability's sample data can refer to them and loading twice finds what is already there.
/// </summary>
public static class SampleIds
{
    /// <summary>A. Lao Party Central Office × Ministry of Technology and Communications: digitalisation MoU.</summary>
    public static readonly Guid PartyOfficeMou = Guid.Parse("5a3e0000-0000-4000-8000-00000000000a");

    /// <summary>B. Viet Nam MoHA × Lao MoHA: MoU 2023–2026.</summary>
    public static readonly Guid HomeAffairsMou2023 = Guid.Parse("5a3e0000-0000-4000-8000-00000000000b");

    /// <summary>C. Viet Nam MoHA × Lao MoHA: cooperation minutes 2016–2020, predecessor of B.</summary>
    public static readonly Guid HomeAffairsMinutes2016 = Guid.Parse("5a3e0000-0000-4000-8000-00000000000c");

    /// <summary>D. VN State Records and Archives Department × Lao National Archives Department: plan 2026–2027.</summary>
    public static readonly Guid ArchivesPlan2026 = Guid.Parse("5a3e0000-0000-4000-8000-00000000000d");

    /// <summary>E. VN Ministry of Information and Communications × Lao MICT: foreign-information MoU.</summary>
    public static readonly Guid ForeignInformationMou = Guid.Parse("5a3e0000-0000-4000-8000-00000000000e");

    /// <summary>The four workstreams of the Party Office MoU, in the order the source lists them.</summary>
    public static readonly Guid PartyOfficeInfrastructure = Guid.Parse("5a3e0000-0000-4000-8000-0000000a0001");
    public static readonly Guid PartyOfficeDigitalAdministration = Guid.Parse("5a3e0000-0000-4000-8000-0000000a0002");
    public static readonly Guid PartyOfficeDataLinks = Guid.Parse("5a3e0000-0000-4000-8000-0000000a0003");
    public static readonly Guid PartyOfficeStaffCapacity = Guid.Parse("5a3e0000-0000-4000-8000-0000000a0004");

    /// <summary>The workstreams of the other agreements, in the order their sources list them.</summary>
    public static readonly Guid HomeAffairsOrganisation = Guid.Parse("5a3e0000-0000-4000-8000-0000000b0001");
    public static readonly Guid HomeAffairsLocalGovernment = Guid.Parse("5a3e0000-0000-4000-8000-0000000b0002");
    public static readonly Guid HomeAffairsCivilService = Guid.Parse("5a3e0000-0000-4000-8000-0000000b0003");
    public static readonly Guid HomeAffairsTraining = Guid.Parse("5a3e0000-0000-4000-8000-0000000b0004");
    public static readonly Guid HomeAffairsDigitalTransformation = Guid.Parse("5a3e0000-0000-4000-8000-0000000b0005");

    public static readonly Guid MinutesOrganisation = Guid.Parse("5a3e0000-0000-4000-8000-0000000c0001");
    public static readonly Guid MinutesLocalGovernment = Guid.Parse("5a3e0000-0000-4000-8000-0000000c0002");
    public static readonly Guid MinutesCivilService = Guid.Parse("5a3e0000-0000-4000-8000-0000000c0003");
    public static readonly Guid MinutesEmulation = Guid.Parse("5a3e0000-0000-4000-8000-0000000c0004");
    public static readonly Guid MinutesReligion = Guid.Parse("5a3e0000-0000-4000-8000-0000000c0005");
    public static readonly Guid MinutesArchives = Guid.Parse("5a3e0000-0000-4000-8000-0000000c0006");
    public static readonly Guid MinutesTraining = Guid.Parse("5a3e0000-0000-4000-8000-0000000c0007");

    public static readonly Guid ArchivesPublication = Guid.Parse("5a3e0000-0000-4000-8000-0000000d0001");
    public static readonly Guid ArchivesStaffTraining = Guid.Parse("5a3e0000-0000-4000-8000-0000000d0002");
    public static readonly Guid ArchivesLegalAndDigital = Guid.Parse("5a3e0000-0000-4000-8000-0000000d0003");

    public static readonly Guid ForeignInformationSocialManagement = Guid.Parse("5a3e0000-0000-4000-8000-0000000e0001");
    public static readonly Guid ForeignInformationDigital = Guid.Parse("5a3e0000-0000-4000-8000-0000000e0002");
    public static readonly Guid ForeignInformationTraining = Guid.Parse("5a3e0000-0000-4000-8000-0000000e0003");
    public static readonly Guid ForeignInformationInternational = Guid.Parse("5a3e0000-0000-4000-8000-0000000e0004");
    public static readonly Guid ForeignInformationEvents = Guid.Parse("5a3e0000-0000-4000-8000-0000000e0005");
    public static readonly Guid ForeignInformationImage = Guid.Parse("5a3e0000-0000-4000-8000-0000000e0006");
}
