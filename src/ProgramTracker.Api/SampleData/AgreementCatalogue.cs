using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Workstreams;
using ProgramTracker.Api.Workstreams.Milestones;

namespace ProgramTracker.Api.SampleData;

/// <summary>
/// The five real agreements ProgramTracker ships with (shared mou-catalog; source articles in seeds/). Parties,
/// signatories, dates, validity, status and workstreams are what the sources state, with the precision they state
/// it: a year the source leaves open stays open. Milestones, and indicators whose target the source does not give,
/// are plausible sample data: flagged IsSample and saying so in their text.
/// </summary>
public static class AgreementCatalogue
{
    private static readonly Party VietNamHomeAffairs = new("vn-moha",
        new LocalizedText(En: "Ministry of Home Affairs of Viet Nam", Vi: "Bộ Nội vụ Việt Nam"), "VN", "MOHA-VN",
        new LocalizedText(En: "Government of Viet Nam", Vi: "Chính phủ Việt Nam"));

    private static readonly Party LaoHomeAffairs = new("la-moha",
        new LocalizedText(En: "Ministry of Home Affairs of the Lao PDR", Vi: "Bộ Nội vụ Lào", Lo: "ກະຊວງພາຍໃນ"), "LA", "MOHA-LA",
        new LocalizedText(En: "Government of the Lao PDR", Vi: "Chính phủ Lào", Lo: "ລັດຖະບານ ສປປ ລາວ"));

    /// <summary>In loading order: the 2016–2020 minutes before the 2023–2026 MoU that names them as predecessor.</summary>
    public static IReadOnlyList<SampleAgreement> All { get; } =
        [HomeAffairsMinutes2016(), HomeAffairsMou2023(), PartyOfficeMou(), ArchivesPlan2026(), ForeignInformationMou()];

    private const string SampleEn = " (sample data)";
    private const string SampleVi = " (dữ liệu mẫu)";
    private const string SampleLo = " (ຂໍ້ມູນຕົວຢ່າງ)";
    private const string SampleTh = " (ข้อมูลตัวอย่าง)";

    private static LocalizedText SampleText(string en, string? vi = null, string? lo = null, string? th = null) =>
        new(en + SampleEn, vi is null ? null : vi + SampleVi, lo is null ? null : lo + SampleLo, th is null ? null : th + SampleTh);

    private static Guid Id(string tail) => Guid.Parse($"5a3e0000-0000-4000-{tail}");

    private static SampleMilestone Due(string id, DateOnly due, LocalizedText title, decimal weight = 1) =>
        new(Id(id), new PlanMilestone(title, due, weight, Id(id)));

    private static SampleWorkstream Named(Guid id, string code, LocalizedText title, LocalizedText? objective = null,
        string? leadPartyId = null, IReadOnlyList<SampleMilestone>? milestones = null, IReadOnlyList<SampleIndicator>? indicators = null) =>
        new(id, new AddWorkstream(code, title, objective, leadPartyId, WorkstreamId: id), milestones, indicators);

    /// <summary>A. Seed 004 (Lao). Signed 28 November of a year the article does not state.</summary>
    private static SampleAgreement PartyOfficeMou() => new(SampleIds.PartyOfficeMou,
        new RegisterAgreement(
            Code: "LA-PCO-MTC-DIGITAL",
            Title: new LocalizedText(
                En: "MoU on cooperation in modernising (digitalising) the work of the Party Central Office",
                Lo: "ບົດບັນທຶກຄວາມເຂົ້າໃຈ ວ່າດ້ວຍການຮ່ວມມືພັດທະນາວຽກງານ ຫັນເປັນທັນສະໄໝ (ຫັນເປັນດີຈີຕອນ) ຂອງ ຫສພ"),
            Parties:
            [
                new Party("la-pco",
                    new LocalizedText(En: "Party Central Office", Lo: "ຫ້ອງວ່າການສູນກາງພັກ (ຫສພ)"), "LA", "PCO",
                    new LocalizedText(En: "Party Central Committee (Lao People's Revolutionary Party)", Lo: "ສູນກາງພັກ"),
                    [
                        new Signatory(
                            new LocalizedText(En: "Thongsalith Mangnomek", Lo: "ທອງສະລິດ ມັງໜໍ່ເມກ"),
                            new LocalizedText(
                                En: "Member of the Party Central Committee Secretariat, Secretary of the Party Committee, Head of the Party Central Office",
                                Lo: "ຄະນະເລຂາທິການສູນກາງພັກ ເລຂາຄະນະພັກ ຫົວໜ້າ ຫສພ")),
                    ]),
                new Party("la-mtc",
                    new LocalizedText(En: "Ministry of Technology and Communications", Lo: "ກະຊວງ ເຕັກໂນໂລຊີ ແລະ ການສື່ສານ (ຕສ)"), "LA", "MTC",
                    new LocalizedText(En: "Government of the Lao PDR", Lo: "ລັດຖະບານ ສປປ ລາວ"),
                    [
                        new Signatory(
                            new LocalizedText(En: "Boviengkham Vongdara", Lo: "ບໍ່ວຽງຄໍາ ວົງດາລາ"),
                            new LocalizedText(
                                En: "Member of the Party Central Committee, Secretary of the Party Committee, Minister of Technology and Communications",
                                Lo: "ກຳມະການສູນກາງ ເລຂາຄະນະພັກ ລັດຖະມົນຕີກະຊວງ ຕສ")),
                    ]),
            ],
            SignedOn: new PartialDate(null, 11, 28),
            SignedAt: new LocalizedText(En: "Vientiane", Lo: "ນະຄອນຫຼວງວຽງຈັນ"),
            Validity: ValidityPeriod.Open,
            Status: AgreementStatus.Signed,
            SourceReference: "seeds/004_a103640fa81db00e.txt: Lao news article on the signing (text: Souksavanh, photo: Ministry of Technology and Communications)",
            AgreementId: SampleIds.PartyOfficeMou),
        [
            Named(SampleIds.PartyOfficeInfrastructure, "INFRASTRUCTURE",
                new LocalizedText(En: "Infrastructure: network and data-centre systems", Lo: "ພື້ນຖານໂຄງລ່າງ ລະບົບເຄືອຂ່າຍ ແລະ ລະບົບສູນຂໍ້ມູນ"),
                new LocalizedText(
                    En: "Research and build capacity to improve and develop the network and data-centre infrastructure that stores the Party Central Office's data.",
                    Lo: "ຮ່ວມມືໃນການຄົ້ນຄວ້າສ້າງທ່າແຮງ ເພື່ອປັບປຸງ ແລະ ພັດທະນາພື້ນຖານໂຄງລ່າງ ລະບົບເຄືອຂ່າຍ ແລະ ລະບົບສູນຂໍ້ມູນ ເພື່ອເກັບຮັກສາຂໍ້ມູນ ຂອງວຽກງານຫ້ອງວ່າການສູນກາງພັກ")),
            Named(SampleIds.PartyOfficeDigitalAdministration, "DIGITAL-ADMINISTRATION",
                new LocalizedText(En: "Digital government administration systems", Lo: "ລະບົບບໍລິຫານລັດດີຈີຕອນ"),
                new LocalizedText(
                    En: "Develop and promote digital government administration systems in the office's work: efficient, secure and sustainable.",
                    Lo: "ຮ່ວມມືໃນການພັດທະນາ ແລະ ສົ່ງເສີມການນຳໃຊ້ ລະບົບບໍລິຫານລັດດີຈີຕອນ ເຂົ້າໃນວຽກງານຂອງຫ້ອງວ່າການສູນກາງພັກ ໃຫ້ມີປະສິດທິພາບ, ຮັບປະກັນຄວາມປອດໄພ ແລະ ມີຄວາມຍືນຍົງ")),
            Named(SampleIds.PartyOfficeDataLinks, "DATA-LINKS",
                new LocalizedText(En: "Information links from central to local level", Lo: "ລະບົບເຊື່ອມໂຍງຂໍ້ມູນຂ່າວສານ ແຕ່ຂັ້ນສູນກາງ ຮອດທ້ອງຖິ່ນ"),
                new LocalizedText(
                    En: "Research and develop systems linking information between the Party Central Office and other bodies, from central to local level.",
                    Lo: "ຮ່ວມມືກັນຄົ້ນຄວ້າ ພັດທະນາລະບົບເຊື່ອມໂຍງຂໍ້ມູນຂ່າວສານ ລະຫວ່າງ ຫ້ອງວ່າການສູນກາງພັກ ກັບພາກສ່ວນຕ່າງໆ ແຕ່ຂັ້ນສູນກາງ ຮອດທ້ອງຖິ່ນ")),
            Named(SampleIds.PartyOfficeStaffCapacity, "STAFF-CAPACITY",
                new LocalizedText(En: "Staff capacity", Lo: "ຍົກລະດັບຄວາມຮູ້ຄວາມສາມາດຂອງພະນັກງານ-ລັດຖະກອນ"),
                new LocalizedText(
                    En: "Develop and raise the knowledge and skills of staff and civil servants; exchange information and experience; consultation meetings, seminars and training.",
                    Lo: "ຮ່ວມມືກັນພັດທະນາ ແລະ ຍົກລະດັບຄວາມຮູ້ຄວາມສາມາດຂອງພະນັກງານ-ລັດຖະກອນ, ແລກປ່ຽນຂໍ້ມູນຂ່າວສານ, ປະສົບການ, ກອງປະຊຸມປຶກສາຫາລື, ສຳມະນາ, ຝຶກອົບຮົມ ແລະ ອື່ນໆ"),
                indicators:
                [
                    // The source names training but no number and no year, so this target is sample data and has no due date.
                    new SampleIndicator(Id("8002-0000000a0401"),
                        SampleText("Staff trained in digital tools", lo: "ພະນັກງານທີ່ໄດ້ຮັບການຝຶກອົບຮົມ ການນຳໃຊ້ເຄື່ອງມືດີຈີຕອນ"),
                        "staff", 50, null, IndicatorPeriod.Cumulative, IsSample: true),
                ]),
        ]);

    /// <summary>B. Seed 001 (Vietnamese). In force 1 June 2023 to 31 December 2026; continues the 2016–2020 minutes.</summary>
    private static SampleAgreement HomeAffairsMou2023() => new(SampleIds.HomeAffairsMou2023,
        new RegisterAgreement(
            Code: "VN-LA-MOHA-2023-2026",
            Title: new LocalizedText(
                En: "MoU on cooperation 2023–2026 between the Ministries of Home Affairs of Viet Nam and the Lao PDR",
                Vi: "Bản ghi nhớ hợp tác giai đoạn 2023-2026 giữa Bộ Nội vụ Việt Nam và Bộ Nội vụ Lào"),
            Parties:
            [
                VietNamHomeAffairs with
                {
                    Signatories =
                    [
                        new Signatory(new LocalizedText(En: "Pham Thi Thanh Tra", Vi: "Phạm Thị Thanh Trà"),
                            new LocalizedText(En: "Minister of Home Affairs", Vi: "Bộ trưởng Bộ Nội vụ")),
                    ],
                },
                LaoHomeAffairs with
                {
                    Signatories =
                    [
                        new Signatory(new LocalizedText(En: "Thongchanh Manixay", Vi: "Thongchanh Manixay", Lo: "ທອງຈັນ ມະນີໄຊ"),
                            new LocalizedText(En: "Minister of Home Affairs of the Lao PDR", Vi: "Bộ trưởng Nội vụ Lào", Lo: "ລັດຖະມົນຕີກະຊວງພາຍໃນ")),
                    ],
                },
            ],
            SignedOn: new PartialDate(2023, 5, 23),
            Validity: new ValidityPeriod(new PartialDate(2023, 6, 1), new PartialDate(2026, 12, 31)),
            Status: AgreementStatus.InForce,
            SourceReference: "seeds/001_e7877a9c14c6b25b.txt: \"Bộ Nội vụ cử chuyên gia hỗ trợ Lào xây dựng chính sách, đào tạo cán bộ\" (Thu Hằng)",
            PredecessorId: SampleIds.HomeAffairsMinutes2016,
            AgreementId: SampleIds.HomeAffairsMou2023),
        [
            Named(SampleIds.HomeAffairsOrganisation, "ORGANISATION",
                new LocalizedText(En: "Administrative organisation and public service units", Vi: "Tổ chức hành chính, sự nghiệp nhà nước")),
            Named(SampleIds.HomeAffairsLocalGovernment, "LOCAL-GOVERNMENT",
                new LocalizedText(En: "Local government and administrative boundaries", Vi: "Chính quyền địa phương, địa giới đơn vị hành chính")),
            Named(SampleIds.HomeAffairsCivilService, "CIVIL-SERVICE",
                new LocalizedText(En: "Cadres, civil servants and public employees", Vi: "Cán bộ, công chức, viên chức về công vụ")),
            Named(SampleIds.HomeAffairsTraining, "TRAINING",
                new LocalizedText(En: "Training in public administration", Vi: "Đào tạo, bồi dưỡng về chuyên ngành hành chính và quản lý hành chính nhà nước"),
                new LocalizedText(
                    En: "Each year Viet Nam receives Lao delegations of about 20 officials for 1–3 months of study, and sends 2–3 lecturers or experts to advise on law and policy and to teach short courses.",
                    Vi: "Hằng năm, Bộ Nội vụ Việt Nam sẵn sàng tiếp nhận các đoàn cán bộ của Lào (khoảng 20 cán bộ/đoàn) sang học tập nâng cao nghiệp vụ ngắn hạn từ 1-3 tháng; cử 2-3 giảng viên, chuyên gia sang hỗ trợ, tư vấn xây dựng chính sách pháp luật, giảng dạy các khóa ngắn hạn."),
                "vn-moha",
                [
                    Due("8001-0000000b0401", new DateOnly(2024, 6, 30),
                        SampleText("2024 Lao delegation of about 20 officials received for a 1–3 month course",
                            vi: "Tiếp nhận đoàn khoảng 20 cán bộ Lào học tập 1-3 tháng năm 2024")),
                    Due("8001-0000000b0402", new DateOnly(2025, 6, 30),
                        SampleText("2025 Lao delegation of about 20 officials received for a 1–3 month course",
                            vi: "Tiếp nhận đoàn khoảng 20 cán bộ Lào học tập 1-3 tháng năm 2025")),
                    Due("8001-0000000b0403", new DateOnly(2026, 6, 30),
                        SampleText("2026 Lao delegation of about 20 officials received for a 1–3 month course",
                            vi: "Tiếp nhận đoàn khoảng 20 cán bộ Lào học tập 1-3 tháng năm 2026")),
                    Due("8001-0000000b0404", new DateOnly(2025, 12, 31),
                        SampleText("Vietnamese lecturers and experts sent to advise on law and policy and teach short courses",
                            vi: "Cử giảng viên, chuyên gia sang tư vấn xây dựng chính sách pháp luật, giảng dạy khóa ngắn hạn")),
                ],
                [
                    new SampleIndicator(Id("8002-0000000b0401"),
                        new LocalizedText(En: "Lao officials trained in Viet Nam per year", Vi: "Số cán bộ Lào sang học tập tại Việt Nam mỗi năm"),
                        "officials", 20, null, IndicatorPeriod.Annual, IsSample: false),
                    new SampleIndicator(Id("8002-0000000b0402"),
                        new LocalizedText(En: "Vietnamese lecturers and experts sent", Vi: "Số giảng viên, chuyên gia Việt Nam được cử sang"),
                        "experts", 2, 3, IndicatorPeriod.Cumulative, IsSample: false),
                ]),
            Named(SampleIds.HomeAffairsDigitalTransformation, "DIGITAL-TRANSFORMATION",
                new LocalizedText(En: "Digital transformation and digitised public services", Vi: "Chuyển đổi số, số hóa dịch vụ công"),
                milestones:
                [
                    Due("8001-0000000b0501", new DateOnly(2025, 10, 31),
                        SampleText("Bilateral seminar on digitised public services held",
                            vi: "Tổ chức hội thảo song phương về số hóa dịch vụ công")),
                ]),
        ]);

    /// <summary>C. Seed 002 (Vietnamese). Signed 21 December (year not stated); a completed programme, B's predecessor.</summary>
    private static SampleAgreement HomeAffairsMinutes2016() => new(SampleIds.HomeAffairsMinutes2016,
        new RegisterAgreement(
            Code: "VN-LA-MOHA-2016-2020",
            Title: new LocalizedText(
                En: "Cooperation minutes 2016–2020 between the Ministries of Home Affairs of Viet Nam and the Lao PDR",
                Vi: "Biên bản hợp tác giai đoạn 2016-2020 giữa Bộ Nội vụ Việt Nam và Bộ Nội vụ Lào"),
            Parties:
            [
                VietNamHomeAffairs with
                {
                    Signatories =
                    [
                        new Signatory(new LocalizedText(En: "Tran Anh Tuan", Vi: "Trần Anh Tuấn"),
                            new LocalizedText(En: "Deputy Minister of Home Affairs", Vi: "Thứ trưởng Bộ Nội vụ")),
                    ],
                },
                LaoHomeAffairs with
                {
                    Signatories =
                    [
                        new Signatory(new LocalizedText(En: "Khammoune Viphongsay", Vi: "Khammoune Viphongsay"),
                            new LocalizedText(En: "Deputy Minister of Home Affairs of the Lao PDR", Vi: "Thứ trưởng Bộ Nội vụ Lào", Lo: "ຮອງລັດຖະມົນຕີກະຊວງພາຍໃນ")),
                    ],
                },
            ],
            SignedOn: new PartialDate(null, 12, 21),
            SignedAt: new LocalizedText(En: "Lao PDR, during a visit from 19 to 22 December", Vi: "Lào, trong chuyến thăm và làm việc từ ngày 19-22/12"),
            Validity: new ValidityPeriod(new PartialDate(2016), new PartialDate(2020)),
            Status: AgreementStatus.InForce,
            SourceReference: "http://www.vietnamplus.vn/bo-noi-vu-viet-nam-va-lao-tang-cuong-hop-tac-dao-tao-nhan-su/362129.vnp (seeds/002_b2bcb852fd31729b.txt)",
            AgreementId: SampleIds.HomeAffairsMinutes2016),
        [
            Named(SampleIds.MinutesOrganisation, "ORGANISATION",
                new LocalizedText(En: "Administrative organisation and public service units", Vi: "Tổ chức hành chính, sự nghiệp nhà nước")),
            Named(SampleIds.MinutesLocalGovernment, "LOCAL-GOVERNMENT",
                new LocalizedText(En: "Local government and administrative boundaries", Vi: "Chính quyền địa phương, địa giới hành chính")),
            Named(SampleIds.MinutesCivilService, "CIVIL-SERVICE",
                new LocalizedText(En: "Cadres, civil servants and public employees", Vi: "Cán bộ công chức, viên chức")),
            Named(SampleIds.MinutesEmulation, "EMULATION",
                new LocalizedText(En: "Emulation and commendation", Vi: "Thi đua khen thưởng")),
            Named(SampleIds.MinutesReligion, "RELIGION",
                new LocalizedText(En: "Religion", Vi: "Tôn giáo")),
            Named(SampleIds.MinutesArchives, "ARCHIVES",
                new LocalizedText(En: "Clerical work and state archives", Vi: "Văn thư, lưu trữ nhà nước")),
            Named(SampleIds.MinutesTraining, "TRAINING",
                new LocalizedText(En: "Training and refresher courses", Vi: "Các lớp bồi dưỡng, tập huấn"),
                new LocalizedText(
                    En: "Each year Viet Nam's Ministry of Home Affairs receives 20 Lao officials for short courses.",
                    Vi: "Hàng năm, Bộ Nội vụ Việt Nam sẽ tiếp nhận 20 cán bộ Lào sang học tập nâng cao nghiệp vụ trong các khóa ngắn hạn."),
                "vn-moha",
                indicators:
                [
                    new SampleIndicator(Id("8002-0000000c0701"),
                        new LocalizedText(En: "Lao officials received for short courses per year", Vi: "Số cán bộ Lào sang học tập các khóa ngắn hạn mỗi năm"),
                        "officials", 20, null, IndicatorPeriod.Annual, IsSample: false),
                ]),
        ],
        new SampleClosure(new PartialDate(2020),
            "The 2016–2020 cooperation period has ended; the 2023–2026 MoU continues the cooperation."));

    /// <summary>D. Seed 000 (Vietnamese). Signed 17 September (year not stated) for the period 2026–2027.</summary>
    private static SampleAgreement ArchivesPlan2026() => new(SampleIds.ArchivesPlan2026,
        new RegisterAgreement(
            Code: "VN-LA-ARCHIVES-2026-2027",
            Title: new LocalizedText(
                En: "MoU on the plan for cooperation in archives 2026–2027",
                Vi: "Bản ghi nhớ về Kế hoạch hợp tác trong lĩnh vực lưu trữ giai đoạn 2026-2027"),
            Parties:
            [
                new Party("vn-sraad",
                    new LocalizedText(En: "State Records and Archives Department", Vi: "Cục Văn thư và Lưu trữ nhà nước"), "VN", "CVTLT",
                    new LocalizedText(En: "Ministry of Home Affairs of Viet Nam", Vi: "Bộ Nội vụ"),
                    [
                        new Signatory(new LocalizedText(En: "Dang Thanh Tung", Vi: "Đặng Thanh Tùng"),
                            new LocalizedText(En: "Director General of the State Records and Archives Department",
                                Vi: "Cục trưởng Cục Văn thư và Lưu trữ nhà nước")),
                    ]),
                new Party("la-nad",
                    new LocalizedText(En: "National Archives Department of the Lao PDR", Vi: "Cục Lưu trữ Quốc gia Lào"), "LA", "NAD",
                    new LocalizedText(En: "Prime Minister's Office of the Lao PDR", Vi: "Văn phòng Phủ Thủ tướng Lào",
                        Lo: "ຫ້ອງວ່າການສຳນັກງານນາຍົກລັດຖະມົນຕີ")),
            ],
            SignedOn: new PartialDate(null, 9, 17),
            Validity: new ValidityPeriod(new PartialDate(2026), new PartialDate(2027)),
            Status: AgreementStatus.Signed,
            SourceReference: "seeds/000_5d2e8d3c228780fe.txt: article on the signing, with remarks by Deputy Minister of Home Affairs Cao Huy (photos: CVTLT)",
            AgreementId: SampleIds.ArchivesPlan2026),
        [
            Named(SampleIds.ArchivesPublication, "PUBLICATION",
                new LocalizedText(En: "Publishing and promoting archive records", Vi: "Công bố và phát huy giá trị tài liệu lưu trữ"),
                new LocalizedText(
                    En: "Share archive data on the history of Viet Nam–Laos friendship, and hold a joint archive exhibition for the 65th anniversary of diplomatic relations and the 50th anniversary of the Treaty of Friendship and Cooperation.",
                    Vi: "Chia sẻ dữ liệu tài liệu lưu trữ về lịch sử quan hệ hữu nghị Việt Nam - Lào và phối hợp tổ chức triển lãm tài liệu lưu trữ chung nhân kỷ niệm 65 năm thiết lập quan hệ ngoại giao và 50 năm Ngày ký Hiệp ước Hữu nghị và Hợp tác Việt Nam - Lào."),
                milestones:
                [
                    Due("8001-0000000d0101", new DateOnly(2027, 3, 31),
                        SampleText("Archive records on the history of Viet Nam–Laos friendship selected and shared",
                            vi: "Lựa chọn và chia sẻ tài liệu lưu trữ về lịch sử quan hệ hữu nghị Việt Nam - Lào")),
                    Due("8001-0000000d0102", new DateOnly(2027, 7, 18),
                        SampleText("Joint archive exhibition opened for the 50th anniversary of the Treaty of Friendship and Cooperation (18 July 2027)",
                            vi: "Khai mạc triển lãm tài liệu lưu trữ chung nhân kỷ niệm 50 năm Ngày ký Hiệp ước Hữu nghị và Hợp tác (18/7/2027)"),
                        weight: 2),
                    Due("8001-0000000d0103", new DateOnly(2027, 9, 5),
                        SampleText("Joint archive exhibition shown for the 65th anniversary of diplomatic relations (5 September 2027)",
                            vi: "Triển lãm tài liệu lưu trữ chung nhân kỷ niệm 65 năm thiết lập quan hệ ngoại giao (5/9/2027)"),
                        weight: 2),
                ]),
            Named(SampleIds.ArchivesStaffTraining, "STAFF-TRAINING",
                new LocalizedText(En: "Training archive staff", Vi: "Đào tạo, bồi dưỡng cán bộ nghiệp vụ"),
                milestones:
                [
                    Due("8001-0000000d0201", new DateOnly(2026, 12, 15),
                        SampleText("First joint training course for archive staff held", vi: "Tổ chức khóa bồi dưỡng nghiệp vụ lưu trữ chung đầu tiên")),
                ],
                indicators:
                [
                    new SampleIndicator(Id("8002-0000000d0201"),
                        SampleText("Archive staff trained", vi: "Số cán bộ nghiệp vụ lưu trữ được bồi dưỡng"),
                        "staff", 30, null, IndicatorPeriod.Cumulative, IsSample: true),
                ]),
            Named(SampleIds.ArchivesLegalAndDigital, "LEGAL-AND-DIGITAL",
                new LocalizedText(En: "Legal texts and a digital-transformation strategy for archives",
                    Vi: "Xây dựng văn bản quy phạm pháp luật và chiến lược chuyển đổi số về lưu trữ"),
                new LocalizedText(
                    En: "Share experience and professional documents on drafting legal texts and on a digital-transformation strategy for archives.",
                    Vi: "Chia sẻ kinh nghiệm, tư liệu nghiệp vụ trong việc xây dựng văn bản quy phạm pháp luật và chiến lược chuyển đổi số về lưu trữ."),
                milestones:
                [
                    Due("8001-0000000d0301", new DateOnly(2027, 6, 30),
                        SampleText("Experience on a digital-transformation strategy for archives exchanged at a joint workshop",
                            vi: "Trao đổi kinh nghiệm về chiến lược chuyển đổi số về lưu trữ tại hội thảo chung")),
                ]),
        ]);

    /// <summary>E. Seed 003 (Thai). Signed in 2023 at Huế.</summary>
    private static SampleAgreement ForeignInformationMou() => new(SampleIds.ForeignInformationMou,
        new RegisterAgreement(
            Code: "VN-LA-FOREIGN-INFO-2023",
            Title: new LocalizedText(
                En: "MoU on cooperation in foreign information",
                Vi: "Bản ghi nhớ hợp tác về thông tin đối ngoại",
                Th: "บันทึกความเข้าใจว่าด้วยความร่วมมือด้านการสื่อสารต่างประเทศ"),
            Parties:
            [
                new Party("vn-dfi",
                    new LocalizedText(En: "Department of Foreign Information", Vi: "Cục Thông tin đối ngoại", Th: "กรมสารนิเทศ"), "VN", "DFI",
                    new LocalizedText(En: "Ministry of Information and Communications of Viet Nam", Vi: "Bộ Thông tin và Truyền thông",
                        Th: "กระทรวงสารนิเทศและการสื่อสาร"),
                    [
                        new Signatory(new LocalizedText(En: "Nguyen Thanh Lam", Vi: "Nguyễn Thanh Lâm", Th: "นายเหงียน ทันห์ ลัม"),
                            new LocalizedText(En: "Deputy Minister of Information and Communications", Vi: "Thứ trưởng Bộ Thông tin và Truyền thông",
                                Th: "รองรัฐมนตรีว่าการกระทรวงสารสนเทศและการสื่อสาร")),
                    ]),
                new Party("la-mmd",
                    new LocalizedText(En: "Mass Media Department", Th: "กรมสื่อสารมวลชน", Lo: "ກົມສື່ມວນຊົນ"), "LA", "MMD",
                    new LocalizedText(En: "Ministry of Information, Culture and Tourism of the Lao PDR",
                        Th: "กระทรวงข้อมูล วัฒนธรรมและการท่องเที่ยว", Lo: "ກະຊວງຖະແຫຼງຂ່າວ, ວັດທະນະທຳ ແລະ ທ່ອງທ່ຽວ"),
                    [
                        new Signatory(new LocalizedText(En: "Keomanyvong Phosy", Th: "นายเคโอมานีวงศ์ โฟซี"),
                            new LocalizedText(En: "Deputy Minister of Information, Culture and Tourism",
                                Th: "รองรัฐมนตรีว่าการกระทรวงสารสนเทศ วัฒนธรรมและการท่องเที่ยวของลาว")),
                    ]),
            ],
            SignedOn: new PartialDate(2023),
            SignedAt: new LocalizedText(En: "Huế, during the \"Vietnam–Laos Special Friendship\" programme", Vi: "Huế",
                Th: "เมืองเว้ ในพิธีเปิดโครงการ “วันมิตรภาพพิเศษเวียดนาม-ลาว”"),
            Validity: ValidityPeriod.Open,
            Status: AgreementStatus.Signed,
            SourceReference: "seeds/003_c802a1af4dc9d915.txt: Thai-language article on the talks and the signing (article: Tung Anh, photo: Dan Hung)",
            AgreementId: SampleIds.ForeignInformationMou),
        [
            Named(SampleIds.ForeignInformationSocialManagement, "SOCIAL-MANAGEMENT",
                new LocalizedText(En: "Social management through information and communications", Th: "การจัดการทางสังคมผ่านข้อมูลและการสื่อสาร")),
            Named(SampleIds.ForeignInformationDigital, "DIGITAL-TRANSFORMATION",
                new LocalizedText(En: "Digital transformation of foreign information", Th: "การเปลี่ยนแปลงทางดิจิทัลในด้านข้อมูลต่างประเทศ")),
            Named(SampleIds.ForeignInformationTraining, "TRAINING",
                new LocalizedText(En: "Training for foreign-information work", Th: "การฝึกอบรมด้านบริการข้อมูลต่างประเทศ"),
                milestones:
                [
                    Due("8001-0000000e0301", new DateOnly(2024, 11, 30),
                        SampleText("Joint training course on foreign-information work held", th: "จัดหลักสูตรการฝึกอบรมร่วมด้านข้อมูลต่างประเทศ")),
                ]),
            Named(SampleIds.ForeignInformationInternational, "INTERNATIONAL-COMMUNICATIONS",
                new LocalizedText(En: "International communications cooperation", Th: "ความร่วมมือด้านการสื่อสารระหว่างประเทศ"),
                new LocalizedText(
                    En: "Exchange news on achievements and plans regularly; help each country's media and news agencies publish about the other; exchange delegations and professional experience.",
                    Th: "แลกเปลี่ยนข้อมูลข่าวสารเกี่ยวกับความสำเร็จ ความก้าวหน้า และแผนการพัฒนาล่าสุดในด้านข่าวสารต่างประเทศอย่างสม่ำเสมอ")),
            Named(SampleIds.ForeignInformationEvents, "COMMUNICATION-EVENTS",
                new LocalizedText(En: "Organising and taking part in international communication events", Th: "การจัดหรือมีส่วนร่วมในกิจกรรมการสื่อสารระหว่างประเทศ"),
                new LocalizedText(
                    En: "Bilateral and multilateral events, conferences, exhibitions, courses, workshops and seminars on foreign information.",
                    Th: "ประสานงานการจัดกิจกรรมทวิภาคีและพหุภาคี การประชุม การแลกเปลี่ยน นิทรรศการ หลักสูตรการฝึกอบรม การประชุมเชิงปฏิบัติการ การสัมมนาเกี่ยวกับข้อมูลต่างประเทศ")),
            Named(SampleIds.ForeignInformationImage, "NATIONAL-IMAGE",
                new LocalizedText(En: "Promoting each country's image and people", Th: "การส่งเสริมภาพลักษณ์ของแต่ละประเทศและประชาชน")),
        ]);
}
