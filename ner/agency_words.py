"""The words of agency names as data: head nouns by what follows them, the bodies every locality
has, level words, the grammar's stop words and cues (Decree 30/2020/NĐ-CP, Appendix II)."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import metadata

from corpus import load_json
from normalize.agencies import party_body
from normalize.cache import cached_build
from normalize.ocr_repair import strip_diacritics_same_length
from normalize.places import ALL_LEVELS
from normalize.text import match_key

# -- heads ----------------------------------------------------------------------------------------
# Head nouns of public bodies ("tên loại hình cơ quan"), by what must follow them.
# Named by a locality: 'Ủy ban nhân dân tỉnh X', 'Công an xã X', 'Tòa án nhân dân tối cao'.
PLACE_HEADS = (
    "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân", "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "Văn phòng Ủy ban nhân dân", "Văn phòng Hội đồng nhân dân", "Bộ Chỉ huy Bộ đội Biên phòng",
    "Liên hiệp các Hội Khoa học và Kỹ thuật", "Đoàn đại biểu Quốc hội", "Viện kiểm sát nhân dân",
    "Tòa án nhân dân", "Ủy ban nhân dân", "Hội đồng nhân dân", "Bộ Chỉ huy Quân sự", "Hội Liên hiệp Phụ nữ",
    "Liên đoàn Lao động", "Hội Cựu chiến binh", "Hội Nông dân", "Kho bạc Nhà nước", "Bảo hiểm xã hội",
    "Ngân hàng Nhà nước", "Cục Thuế", "Chi cục Thuế", "Cục Hải quan", "Cục Thống kê", "Chi cục Thống kê",
    "Thuế", "Công an", "Thanh tra", "Trung tâm Phục vụ hành chính công", "Đài Phát thanh và Truyền hình",
    "Tỉnh đoàn", "Thành đoàn", "Hội Chữ thập đỏ", "Ủy ban bầu cử", "Liên minh Hợp tác xã",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
    # each level's committee for women's advancement ('Ban Vì sự tiến bộ của phụ nữ tỉnh Lâm Đồng', pool w, x)
    "Ban Vì sự tiến bộ của phụ nữ",
    # after the 2025 reorganization: a commune's joint office, the provinces' enforcement offices
    "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", "Thi hành án dân sự",
    # a district's before 7/2025: its enforcement office and military command
    "Chi cục Thi hành án dân sự", "Ban Chỉ huy Quân sự",
)
# Named by a specific name, then perhaps a locality: 'Sở Tài chính tỉnh X', 'Cục Người có công'.
NAME_HEADS = (
    "Cơ quan Cảnh sát điều tra", "Cơ quan An ninh điều tra", "Cơ quan điều tra",
    "Ban Cán sự đảng", "Chi bộ", "Tổ công tác", "Tổ giúp việc", "Đoàn Chủ tịch", "Đồn Biên phòng", "Tổng cục", "Chi cục", "Học viện",
    "Đại học", "Đảng ủy", "Đảng đoàn", "Văn phòng", "Trung tâm", "Hội đồng", "Ủy ban", "Tòa án", "Bộ", "Cục", "Vụ",
    "Viện",
    "Sở", "Phòng", "Ban", "Đài", "Kiểm toán nhà nước",
)
# Party committees named by their place alone: 'Tỉnh ủy Thanh Hóa', 'Huyện ủy Quỳ Hợp'.
PARTY_PLACE_HEADS = {"Tỉnh ủy": "tỉnh", "Thành ủy": "thành phố", "Huyện ủy": "huyện", "Quận ủy": "quận",
                     "Thị ủy": "thị xã"}
# Heads whose bodies the gazetteer must know: a school or a university shares the head noun
# ('Học viện Tài chính'), and 'Đài Loan' is a place.
GAZETTEER_ONLY = {"Học viện", "Đại học", "Đài"}
# Local heads that name no one body without a locality: 'Sở Tài chính' in a central document.
LOCAL_ONLY_HEADS = {"Sở", "Phòng"}
# Centres and institutes are bodies where they are a locality's ('Trung tâm Phục vụ hành chính
# công tỉnh X'); an unknown national one is more often a project or a facility ('Dự án Trung tâm
# Vũ trụ Việt Nam', 'về Trung tâm Dữ liệu quốc gia').
NEEDS_LOCALITY = {"Trung tâm", "Viện"}
# Bodies every province has: bare, in a province's own document, they are its own.
LOCAL_BRANCHES = {"Kho bạc Nhà nước", "Bảo hiểm xã hội", "Cục Thuế", "Cục Hải quan", "Cục Thống kê", "Thuế",
                  "Công an", "Thanh tra", "Ngân hàng Nhà nước", "Văn phòng Ủy ban nhân dân",
                  "Văn phòng Hội đồng nhân dân", "Bộ Chỉ huy Quân sự", "Đài Phát thanh và Truyền hình",
                  "Trung tâm Phục vụ hành chính công", "Liên hiệp các Hội Khoa học và Kỹ thuật",
                  "Ủy ban Mặt trận Tổ quốc Việt Nam", "Hội Liên hiệp Phụ nữ", "Liên đoàn Lao động", "Hội Nông dân",
                  "Hội Cựu chiến binh", "Hội Chữ thập đỏ", "Tỉnh đoàn", "Đoàn đại biểu Quốc hội", "Liên minh Hợp tác xã",
                  "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
                  "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân", "Ủy ban nhân dân", "Hội đồng nhân dân",
                  "Ủy ban Dân số, Gia đình và Trẻ em"}   # (2002–2007)
# Bare heads that are also common nouns ('thuế', a tax; 'thanh tra', an inspection): a body only where
# no lowercase word but a verb follows ('Thuế tỉnh', 'Thanh tra chủ trì'; not 'Thuế nhà đất').
COMMON_NOUN_HEADS = {"Thuế", "Thanh tra"}
# Bare heads that name a province's body only since a reorganization: 'Thuế' is the province's tax
# office since the Cục Thuế's local offices were renamed (3/2025); in an older or undated text a bare
# 'Thuế' is a tax ('- Thuế Nhà đất;', 'cơ quan Thuế', pool zn).
BARE_BRANCHES_SINCE = {"Thuế": "2025-03-01"}
# The Front and the mass organizations: their standing boards act for them ('Ban Thường vụ Hội Nông dân
# tỉnh', the issuer of its letters, pool w and x), unlike a Party committee's ('Ban Thường vụ Tỉnh ủy').
MASS_ORGANIZATIONS = ("Ủy ban Mặt trận Tổ quốc", "Hội Liên hiệp Phụ nữ", "Hội Nông dân", "Hội Cựu chiến binh",
                      "Liên đoàn Lao động", "Tỉnh đoàn", "Thành đoàn", "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
                      "Hội Chữ thập đỏ")
# Bodies only a commune has (since 7/2025): never a province's, though a province's text names them.
COMMUNE_ONLY_HEADS = {"Văn phòng Hội đồng nhân dân và Ủy ban nhân dân"}
# Bodies a commune (and a district) has of its own: bare in its own document ('HĐND', 'Đảng ủy',
# 'Ủy ban bầu cử … của phường') they are that commune's.
LOCALITY_BODIES = {"Ủy ban nhân dân", "Hội đồng nhân dân", "Ủy ban Mặt trận Tổ quốc Việt Nam", "Đảng ủy", "Công an",
                   "Ủy ban bầu cử", "Trung tâm Phục vụ hành chính công", "Hội Liên hiệp Phụ nữ", "Hội Nông dân",
                   "Hội Cựu chiến binh", "Hội Chữ thập đỏ", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân"}
# A district's branches of provincial or central bodies: bare, in the district's own text, its own
# ('6. Chi cục Thống kê' in a city's plan of 3/2025, pool x).
DISTRICT_BRANCHES = {"Chi cục Thống kê", "Chi cục Thuế", "Chi cục Thi hành án dân sự", "Ban Chỉ huy Quân sự"}
# Words after a head that name the national body ('Tòa án nhân dân tối cao', 'Kho bạc Nhà nước').
NATIONAL_SUFFIXES = ("tối cao", "Việt Nam", "Trung ương", "quốc gia", "Nhà nước", "Chính phủ", "Quốc hội")
KIND_OF_HEAD = {"Bộ": "ministry", "Ủy ban nhân dân": "people_committee", "Hội đồng nhân dân": "people_council",
                "Sở": "province_department", "Đảng ủy": "party", "Ban Cán sự đảng": "party", "Đảng đoàn": "party",
                "Chi bộ": "party",
                "Cục": "department", "Tổng cục": "department", "Vụ": "department", "Chi cục": "department"}
# Level words of administrative units; 'tp' is 'TP.'/'Tp.'.
LEVEL_WORDS = {"tỉnh": "tỉnh", "thành phố": "thành phố", "tp": "thành phố", "huyện": "huyện", "quận": "quận",
               "thị xã": "thị xã", "xã": "xã", "phường": "phường", "thị trấn": "thị trấn", "đặc khu": "đặc khu"}
_PLAIN_LEVELS = {strip_diacritics_same_length(k): v for k, v in LEVEL_WORDS.items()}
LEVEL_FIRST_WORDS = {k.split()[0] for k in (*LEVEL_WORDS, *_PLAIN_LEVELS)}
# Heads that are an organ of the body named after them and of no other: 'Đoàn Chủ tịch Ủy ban Trung
# ương MTTQ Việt Nam' (its presidium), 'Cơ quan Cảnh sát điều tra Công an tỉnh X' (its investigators,
# Luật Tổ chức cơ quan điều tra hình sự 2015), 'Chi bộ Công an xã' (its Party cell, Điều lệ Đảng);
# alone they name no body.
ORGAN_OF_HEADS = {"Đoàn Chủ tịch", "Cơ quan Cảnh sát điều tra", "Cơ quan An ninh điều tra", "Cơ quan điều tra",
                  "Chi bộ"}
# Heads whose body is another body's unit, named by it: 'Văn phòng Tỉnh ủy X', 'Thanh tra Bộ Tài chính'.
NESTING_HEADS = ("Văn phòng", "Thanh tra")
# Heads of national committees and councils named by what they are for ('Ủy ban Quốc gia về …').
NATIONAL_COMMITTEE_HEADS = ("Ủy ban", "Hội đồng")
# A ministry's units that have an office and an inspectorate of their own ('Văn phòng Tổng cục Du lịch',
# 'Thanh tra Tổng cục Du lịch', pool zj); a Vụ has none.
UNITS_WITH_OFFICES = ("Tổng cục ", "Cục ")
# A province's branch elsewhere, but a ministry's own unit when a ministry follows: 'Bảo hiểm xã hội
# Bộ Quốc phòng', '… Bộ Công an' (the army's and the police's social insurance; Bộ Y tế's recipients
# in pool zc, zf, zg), a unit named under its parent, which gives both (ANNOTATION).
MINISTRY_UNIT_HEADS = ("Bảo hiểm xã hội",)
# Heads of a ministry's units listed by their specific parts ('các Vụ: Kế hoạch, Công nghiệp nhẹ').
UNIT_LIST_HEADS = ("Vụ", "Cục", "Tổng cục")
# Specific parts of departments' names written with a dash, as match keys: a commune's and a
# district's departments, whose second half a text may write lowercase ('Phòng Văn hoá – xã hội').
DASH_NAMES = {"văn hóa - xã hội", "kinh tế - hạ tầng", "tài chính - kế hoạch", "tài nguyên - môi trường",
              "kinh tế - hạ tầng - đô thị"}
# A council's term or session, written after its level word in capitals ('HĐND tỉnh Khoá XIV', 'Kỳ
# họp thứ 15'): no place's name.
TERM_WORDS = (("khóa",), ("kỳ", "họp"), ("nhiệm", "kỳ"))
# Heads that name one body even written lowercase mid-sentence, where a level word and a place name
# follow ('phối hợp với ủy ban nhân dân tỉnh Bình Định'): no other phrase is spelled so.
LOWERCASE_HEADS = (("ủy", "ban", "nhân", "dân"), ("hội", "đồng", "nhân", "dân"))
# Specific parts of departments' names that hold a comma, as match keys: a ward's economy department
# since 7/2025 (Nghị định 150/2025/NĐ-CP), named without its ward in its members' lines ('Công chức
# phòng Kinh tế, Hạ tầng và Đô thị, Ủy viên').
COMMA_NAMES = {"kinh tế, hạ tầng và đô thị",
               # a district's or commune's culture office and centre ('Phòng Văn hóa, Khoa học và Thông
               # tin', 'Trung tâm Văn hóa, Thông tin và Thể thao', pool x)
               "văn hóa, khoa học và thông tin", "văn hóa, thông tin và thể thao", "văn hóa, thể thao và du lịch",
               "văn hóa, thông tin, thể thao và du lịch", "văn hóa, thể thao và truyền thanh",
               # a Sở's divisions ('Phòng Bưu chính, Viễn thông', 'Phòng Kế hoạch, Tài chính', pool za)
               "bưu chính, viễn thông", "báo chí, xuất bản", "kế hoạch, tài chính"}
# Words that begin a leader's title ('Phó Trưởng ban', 'Giám đốc', 'Chủ tịch'): no part of a body's name.
TITLE_WORDS = {"phó", "trưởng", "giám", "chánh", "chủ"}
# A position or a member's role in a board or a team, after a dash that ends the body's name ('…
# Phó Trưởng phòng Nếp sống Văn hoá và Gia đình - Thành viên', pool zf): two words, as 'giám sát'
# is no 'giám đốc' ('Phòng Kiểm tra - Giám sát').
ROLE_WORDS = {("thành", "viên"), ("thư", "ký"), ("chuyên", "viên"), ("ủy", "viên"), ("giám", "đốc"),
              ("chủ", "tịch"), ("chủ", "nhiệm"), ("chánh", "văn"), ("chánh", "thanh")}
# After a head: a position, not a body ('Bộ trưởng', 'Cục phó').
POSITION_WORDS = {"trưởng", "phó", "viên"}   # 'Bộ trưởng', 'Cục phó', 'Tỉnh ủy viên'
# Words that name people, not a body: a cell of who does a step ('Nhân viên phòng KHTH', pool p).
PEOPLE_WORDS = ("nhân viên", "cán bộ", "công chức", "viên chức", "bác sĩ", "điều dưỡng", "giáo viên", "giảng viên",
                "sinh viên", "học viên", "người bệnh", "lãnh đạo", "kế toán", "thủ quỹ",
                # a post, not its body: who does a procedure's step ('Trưởng Phòng ĐTTĐ&GSĐT', 'Văn thư Sở',
                # 'Chỉ huy Công an cấp xã', 'Chuyên viên được phân công', pool zzf)
                "trưởng phòng", "phó trưởng phòng", "văn thư", "chỉ huy", "chuyên viên",
                # people named with their honorific ('Thầy Nguyễn Văn Thu và thầy Võ Văn Sĩ', pool v)
                "thầy ", "cô ", "ông ", "đồng chí ", "đ/c")
# The commonest Vietnamese family names (about nine people in ten bear one): a name of three words or
# more after 'thành phố' that begins with one is a man's, not a city's ('PCT UBND TP Trương Việt Dũng').
FAMILY_NAMES = frozenset({"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
                          "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đinh", "Lâm", "Mai", "Trịnh", "Đoàn", "Lương",
                          "Tạ", "Lưu", "Chu", "Thái", "Tô", "Quách", "Kiều", "Vương", "La", "Triệu"})
# How a company's name begins ('Công ty Cổ phần …', 'CT CP …', 'CTTNHH …', 'Tổng công ty …'): no public body
# (GOLD_FORMAT), and a place inside such a name no actor ('… Xây dựng Bình Dương', a mines list of pool zza).
COMPANY_HEAD = r"(?:công ty|tổng công ty|tập đoàn|ct\.? ?cp|cttnhh|ctcp|ct\.? ?tnhh)"
# A task's lead written as no reading placed it, that names no public body of its own: a kind in the
# plural ('Các Khoa'), a company (GOLD_FORMAT: 'Companies … are NOT agencies'; 'Tập đoàn Viettel', pool zz),
# a programme ('Chương trình Giáo dục tiếng Nhật'), a school's unit ('Bộ môn …', 'Khoa Luật', not 'Khoa học
# …'), and a 'Phòng' or 'Văn phòng' that says not whose it is ('Phòng Đào tạo &CTSV', 'Văn Phòng' in a
# university's calendar, pools p and zz; not 'Phòng Kinh tế thành phố Cao Lãnh', 'Phòng Thương mại và
# Công nghiệp Việt Nam', 'Phòng Công chứng số 1', a review's probes).
_WHOSE = "|".join((*ALL_LEVELS, "tp", "tx", "việt nam"))   # what says whose a 'Phòng' is
NO_BODY_LEAD = re.compile(rf"^(?:các|những|mọi|từng|{COMPANY_HEAD}|chương trình|bộ môn|bộ phận|khoa(?! học))\b"
                          rf"|^(?:văn )?phòng\b(?!.*(?:\b(?:{_WHOSE})\b|\d))", re.IGNORECASE)
# A body's leaders as a group ('Ban Lãnh đạo NHNN', 'Ban Giám đốc Sở', 'Ban Giám hiệu'): people, no organ
# of the body (pool zt).
LEADERS_BOARD = re.compile(r"^Ban (?:lãnh đạo|giám đốc|giám hiệu)\b", re.IGNORECASE)
# Before 'văn phòng': its chief, a position that names the office ('Chánh văn phòng UBND tỉnh').
OFFICE_CHIEFS = {"chánh"}
# Words after 'Bộ' that make it a whole of things, not a ministry, whatever their case ('Bộ Luật Hình
# sự', holdout2 k06; 'Bộ máy', 'Bộ phận'). Not 'đội': 'Bộ đội Biên phòng' is a body.
SET_WORDS = {"luật", "máy", "phận"}
# Health facilities share the head 'Trung tâm' ('Trung tâm Y tế huyện X'); like hospitals they
# are not bodies of the administration.
FACILITY_NAMES = ("y te",)   # compared without marks: a scan reads 'Y tế' as 'Y té'.
# Head + word pairs the word list has but that still open a body's name.
HEAD_PHRASES = {"ủy ban", "hội đồng", "văn phòng", "thanh tra", "trung tâm", "kiểm toán"}
# The first word of a unit chief's title: after 'Chánh Văn phòng,' it lists the next one ('Chánh Văn
# phòng, Vụ trưởng Vụ Tín dụng, Thủ trưởng các đơn vị …'); also what ends a centre's or a board's name
# read bare after its chief ('…; Giám đốc Trung tâm X, Chủ tịch …').
NEXT_CHIEFS = {"giám", "thủ", "trưởng", "vụ", "cục", "chánh", "chủ", "tổng", "viện", "người", "hiệu", "các"}
# An event a board is set up to organize ('Ban Tổ chức Hội thảo'): no standing board of its body.
EVENT_WORDS = re.compile(r"\b(?:Hội thảo|Hội nghị|Đại hội|Lễ|Cuộc thi|Kỳ thi|Giải|Hội thi|Hội diễn)\b", re.IGNORECASE)
# Who acts beside a board, capitalized in a sentence, never a part of its name ('Ban QLDA … và Nhân dân xã X',
# '… và Nhà thầu thi công': a review's probes).
NOT_NAME_PARTS = {"nhân dân", "nhà thầu", "nhà đầu", "chủ đầu", "người dân", "doanh nghiệp", "các cơ"}
# Before a head: a generic plural ('các Ban Hội đồng nhân dân', 'những Sở') — unless an enumeration.
PLURAL_WORDS = {"các", "những", "mọi", "từng"}
# A name right after these is a law's title, not a body: 'Luật Thuế giá trị gia tăng', 'Luật Kiểm toán
# nhà nước', 'Pháp lệnh …' (holdout2 k01).
LAW_WORDS = {"luật", "lệnh"}
CONNECTORS = {"và", "&", ",", "-", "–"}
# Marks a scan leaves between the words of a name ('SƠ GIAO DỤC VA_ ĐÀO TẠO').
SPECKS = {"_", "·", "'", "`"}
# Words that end a lowercase phrase inside a name ('Ban Chỉ đạo … về phát triển …').
PHRASE_STOPS = {"tại", "theo", "ngày", "đã", "sẽ", "có", "là", "được", "của", "với", "để", "về", "nhằm", "giao",
                "chủ", "trì", "thực", "hiện", "cho", "khi", "này", "đó", "đến", "từ", "trước", "sau", "hoặc", "hay",
                "nếu", "thì", "mà"}
# Nouns of a body's name whose first syllable is a stop word ('Ban Quản lý dự án … công trình giao
# thông', 'Chi cục An toàn vệ sinh thực phẩm', 'Viện Chủ nghĩa xã hội khoa học'): a name runs over them.
STOP_SYLLABLE_NOUNS = {"giao thông", "giao dịch", "giao thương", "thực phẩm", "thực địa", "thực nghiệm", "thực tiễn",
                       "hiện trường", "hiện đại", "chủ quyền", "chủ nghĩa"}
# Verbs that follow a body's name ('… khu công nghiệp tổ chức thực hiện'): a name does not run into them.
_VERBS = ("tổ chức thực hiện", "tham mưu", "chủ trì", "phối hợp", "hướng dẫn", "triển khai", "báo cáo", "theo dõi",
          "đề xuất", "rà soát", "kiểm tra", "chịu trách nhiệm", "có trách nhiệm", "thực hiện", "xem xét", "quyết định",
          "tập trung",
          # a step a body takes, after its name in an assignment ('Ban Quản lý các khu kinh tế tổng hợp danh
          # mục …', pool x); not 'thẩm định', 'giám sát', which begin names ('Hội đồng thẩm định …')
          "tổng hợp", "ban hành", "cung cấp", "phê duyệt", "đôn đốc", "tiếp nhận",
          # money a body pays out ('phối hợp với Ban Quản lý các KCN thanh toán tiền cho …', pool z)
          "thanh toán", "chi trả",
          # what a project board does in its own rules ('Ban QLDA ký kết …', 'Ban QLDA phụ trách lĩnh vực …',
          # 'Ban QLDA làm việc theo …', 'Ban QLDA gồm …', 'Ban QLDA phải chấp hành …', pool zzb)
          "ký kết", "phụ trách", "làm việc", "chấp hành", "thành lập", "gồm", "phải")
# Words that follow a body's name in a clause and never begin its specific part ('Ban Chỉ đạo khác',
# 'Ban Chỉ đạo tự lựa chọn', 'Ban Chỉ đạo và …').
CLAUSE_WORDS = {"và", "khác", "tự", "cũng", "đều", "vẫn"}
VERB_STARTS: dict[str, tuple[str, ...]] = {}
for _v in sorted(_VERBS, key=len):
    VERB_STARTS[_v.split()[0]] = tuple(_v.split())
# The kinds of document (corpus/doc_types.json), as match keys: a capitalized one after a body's name
# begins the title of its document ('… Bộ Tài chính Thông báo …'), no more of the name.
DOCUMENT_KIND_KEYS = frozenset(match_key(n) for n in load_json("doc_types.json")["names"])
TAIL_STOPS = PHRASE_STOPS | {"và", "tỉnh", "huyện", "xã", "phường", "quận", "các", "những", "trên", "địa", "bàn", "thuộc", "trực"}
LOCALITY_CUE = re.compile(r"địa phương|tỉnh, thành phố|các tỉnh|các thành phố|các tỉnh, thành", re.IGNORECASE)
# Words that make the places after them a location ('tại các tỉnh …', 'trên địa bàn các tỉnh …').
WHERE_BEFORE = re.compile(r"\b(?:tại|ở|trên địa bàn|địa bàn|thuộc|đến|tới|giữa)\s+$", re.IGNORECASE)
# Words that make the places after them, in their clause, an address ('địa chỉ: Số 64, đường Lý Tự
# Trọng, phường Yên Bái'), and a street just before a place ('Đại lộ Trần Hưng Đạo, phường …').
ADDRESS_CUE = re.compile(r"địa chỉ|trụ sở", re.IGNORECASE)
# A boundary's description ('phía Tây giáp huyện Quế Võ, tỉnh Bắc Ninh'): the places it names border, they do not act.
BOUNDARY_CUE = re.compile(r"\bgiáp\b", re.IGNORECASE)
STREET_BEFORE = re.compile(r"\b(?:đường|phố|đại lộ)\s+[A-ZĐÀ-Ỹ][^,;]*,\s*$", re.IGNORECASE)


BULLETS = "-–+•"                        # what begins an item of a list
LIST_ITEM = re.compile(rf"\s*[{BULLETS}]\s*[^.;:]{{3,120}}[;,.]?\s*")
ITEM_ENDS = (",", ";", ".", ":", "(")   # what ends an item of a list of bodies


# Bodies named by their place without its level word, like the Party's committees: 'Tỉnh đoàn
# Quảng Ngãi' (the Youth Union's provincial committee), never 'Tỉnh đoàn tỉnh Quảng Ngãi'.
NAMED_WITHOUT_LEVEL = {"Tỉnh đoàn", "Thành đoàn"}
# Bodies that set up steering committees named as theirs ('Ban Chỉ đạo … của Chính phủ').
STEERING_OWNERS = {"Chính phủ", "Thủ tướng Chính phủ", "Bộ Chính trị", "Ban Bí thư", "Quốc hội",
                   "Ban Chấp hành Trung ương Đảng"}
# Courts and procuracies of a region inside a province (since 1/7/2025): 'Viện kiểm sát nhân dân
# khu vực 1 - Tuyên Quang', 'TAND khu vực 3', named by number and province.
REGIONAL_HEADS = ("Viện kiểm sát nhân dân", "Tòa án nhân dân")
_LEVEL_PREFIX = re.compile(r"^(?:tỉnh|thành phố)\s+")


# A national body's branch in a province, by the name the branch bore: the State Bank's provincial
# branches (until 3/2025; regional since) were 'Ngân hàng Nhà nước Việt Nam Chi nhánh tỉnh X', as
# the gold of pools h, j and z writes them.
BRANCH_NAMES = {"Ngân hàng Nhà nước": "Ngân hàng Nhà nước Việt Nam Chi nhánh"}


def local_name(head: str, where: str) -> str:
    """A local body's name: head and locality ('Sở Tài chính tỉnh X'), or head and place alone."""
    if head in NAMED_WITHOUT_LEVEL:
        return f"{head} {_LEVEL_PREFIX.sub('', where)}"
    return f"{BRANCH_NAMES.get(head, head)} {where}"


# A shortening left in a name: two capitals or more in one word, not a Roman numeral ('TTĐT', 'CB').
ABBREVIATION = re.compile(r"\b(?![IVXLC]+\b)[A-ZĐ]{2,}\b")


# Where 'Chính phủ' or 'Quốc hội' is no body acting (corpus/external/ANNOTATION.md "Not listed"):
# inside a law's title ('Luật Tổ chức Chính phủ') and inside a thing's name ('Chính phủ số', 'Trụ
# sở Chính phủ', 'trái phiếu Chính phủ', 'bầu cử đại biểu Quốc hội khóa XVI'). Measured and left
# out: the owner of a generic plural ('các Ủy ban của Quốc hội', 'cơ quan thuộc Chính phủ') — the
# gold of 11 pool documents and the seeds lists it, that of 5 does not.
COMMON_NOUN_BODIES = {"Chính phủ", "Quốc hội"}
# 'Ban Thanh tra nhân dân', 'lĩnh vực Thanh tra nhân dân' (pool p): the people's inspection board every
# commune and agency elects, no state inspectorate; the words after 'Thanh tra' say so.
PEOPLES_BOARD_AFTER = re.compile(r"\s*nhân\s+dân\b", re.IGNORECASE)   # (matched at the name's end)
# ('Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân' is a title too: pool j04, m09, n11), and
# so are the councils and committees of the 2003–2004 laws, the second of a pair included ('Luật Tổ
# chức HĐND và UBND', 'Luật Ban hành văn bản quy phạm pháp luật của HĐND, UBND': 51 pool texts cite
# one, pool zh)
LAW_TITLE_BEFORE = re.compile(
    r"\bluật\s+(?:tổ\s+chức|hoạt\s+động\s+giám\s+sát\s+của|ban\s+hành\s+văn\s+bản\s+quy\s+phạm\s+pháp\s+luật\s+của)\s+"
    r"(?:(?:hội\s+đồng\s+nhân\s+dân|hđnd|quốc\s+hội)\s*(?:,|và)\s*)?$", re.IGNORECASE)
THING_BEFORE = re.compile(r"\b(?:trụ sở|bảo lãnh|trái phiếu|nợ|đại biểu|cử tri)\s*$", re.IGNORECASE)
THING_AFTER = re.compile(r"^\s*(?:số|điện tử|kiến tạo)\b", re.IGNORECASE)
# Before any body's name: a field of administration, not the body ('thủ tục hành chính thuộc lĩnh vực
# Kho bạc Nhà nước', pool zo).
FIELD_BEFORE = re.compile(r"\blĩnh\s+vực\s*$", re.IGNORECASE)
# After any body's name: its branches of every region or level ('Kho bạc Nhà nước các khu vực', pool zo).
PLURAL_AFTER = re.compile(r"\s*các\s+(?:khu\s+vực|tỉnh|thành\s+phố|huyện|quận|xã|cấp|địa\s+phương)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def foreign_country_after() -> re.Pattern[str]:
    """A country other than Viet Nam right after a body's name ('Bộ Ngoại giao Nhật Bản', 'Bộ Quốc
    phòng Lào'): another state's ministry, no agency (ANNOTATION: foreign bodies). The names are
    Babel's (CLDR) Vietnamese names of territories; one followed by another capitalized word is
    part of a longer name ('Lào Cai', 'Đức Phổ')."""
    alternation = "|".join(re.escape(n) for n in sorted(_country_names(), key=len, reverse=True))
    return re.compile(rf"\s+(?:nước\s+)?(?:{alternation})(?![\wà-ỹ])")


def foreign_body_at(text: str, end: int) -> bool:
    """Whether another country's name follows a body's name ending at `end`, and is not the start of
    a longer capitalized name ('Lào Cai', 'Đức Phổ')."""
    m = foreign_country_after().match(text, end)
    nxt = re.match(r"\s+(\w)", text[m.end():]) if m else None
    return bool(m) and not (nxt and nxt.group(1).isupper())


def _country_names() -> tuple[str, ...]:
    """Kept in the user's cache per Babel version: importing Babel and loading its Vietnamese locale
    took 0.05 s, a tenth of a small PDF's whole extraction (2026-12-06)."""
    def build() -> tuple[str, ...]:
        from babel import Locale
        return tuple(sorted(name for code, name in Locale("vi").territories.items()
                            if code.isalpha() and code != "VN"))
    try:
        key = f"babel {metadata.version('babel')}".encode()
    except metadata.PackageNotFoundError:
        key = None
    return cached_build("countries", key, build)


def party_committee_of(place: str) -> str:
    """'tỉnh Khánh Hòa' → 'Tỉnh ủy Khánh Hòa', 'huyện Quỳ Hợp' → 'Huyện ủy Quỳ Hợp', 'xã Công Hải' →
    'Đảng ủy xã Công Hải' (a commune's committee is named with its level word)."""
    for head, level in sorted(PARTY_PLACE_HEADS.items(), key=lambda x: -len(x[1])):
        if place.lower().startswith(f"{level} "):
            return party_body(head, place[len(level) + 1:])
    return f"Đảng ủy {place}"
# The zones a management board runs ('… Dung Quất và các khu công nghiệp'), not other 'khu' ('khu vực').
ZONE_KINDS = {("công", "nghiệp"), ("kinh", "tế"), ("chế", "xuất"), ("công", "nghệ")}
# Lowercase words that go on naming a zone after its kind ('Khu kinh tế cửa khẩu quốc tế Bờ Y').
ZONE_QUALIFIERS = (("cửa", "khẩu"), ("ven", "biển"), ("quốc", "tế"), ("cao",), ("sinh", "thái"), ("tổng", "hợp"),
                   ("tập", "trung"))
# Words that end a board's lowercase phrase: every level's boards in an area ('Ban Chỉ đạo … các cấp trên
# địa bàn tỉnh'; not 'các cấp' alone, which a steering committee's topic may hold: '… sắp xếp đơn vị hành
# chính các cấp và …'; not 'trên địa bàn' alone, before the province that names the board: a review).
PHRASE_ENDS = (("các", "cấp", "trên", "địa", "bàn"),)
# Words after 'về' that begin what is reported to a committee, not what it is for ('báo cáo Ủy ban quốc
# gia về tiến độ thực hiện', 'về kết quả', 'về việc': a review's probes).
REPORTED_TOPICS = {"tiến", "kết", "việc", "tình"}
