# Vietnamese sentence templates are long lines: breaking them would hide what they say.
# ruff: noqa: E501
"""The running prose of a benchmark report: themed sentence templates in Vietnamese administrative style.

A filler paragraph is two to four sentences drawn from one theme, each a random reading of its
template (:mod:`benchmarks.templates`), so that no two reports share their text. The themes follow
the outline of a real year-end emulation report (domain.md §2.2): context, the fields of the unit's
work, the movements, propaganda, the council, inspection, the cluster, the assessment, next year's
tasks and the proposals.

None of these sentences states an indicator figure or a number an extractor could take for one: the
only numbers are dates, document numbers and counts of meetings, classes or visits. Figures and
their decoys are written by :mod:`benchmarks.report`, which records them.
"""

from __future__ import annotations

import random
from collections.abc import Mapping

from benchmarks.templates import Slot, cap, expand

# Old wards of the six districts (before 1/7/2025): the parts a district report talks about.
DISTRICT_WARDS: dict[str, list[str]] = {
    "hoan-kiem": ["Hàng Bạc", "Hàng Bồ", "Hàng Bông", "Hàng Buồm", "Hàng Đào", "Hàng Gai", "Hàng Mã",
                  "Hàng Trống", "Lý Thái Tổ", "Phan Chu Trinh", "Tràng Tiền", "Trần Hưng Đạo",
                  "Chương Dương", "Cửa Đông", "Cửa Nam", "Đồng Xuân", "Hàng Bài", "Phúc Tân"],
    "ba-dinh": ["Cống Vị", "Điện Biên", "Đội Cấn", "Giảng Võ", "Kim Mã", "Liễu Giai", "Ngọc Hà",
                "Ngọc Khánh", "Nguyễn Trung Trực", "Phúc Xá", "Quán Thánh", "Thành Công", "Trúc Bạch",
                "Vĩnh Phúc"],
    "dong-da": ["Cát Linh", "Hàng Bột", "Khâm Thiên", "Khương Thượng", "Kim Liên", "Láng Hạ",
                "Láng Thượng", "Nam Đồng", "Ngã Tư Sở", "Ô Chợ Dừa", "Phương Liên", "Phương Mai",
                "Quang Trung", "Quốc Tử Giám", "Thịnh Quang", "Thổ Quan", "Trung Liệt", "Trung Phụng",
                "Trung Tự", "Văn Chương", "Văn Miếu"],
    "hai-ba-trung": ["Bạch Đằng", "Bách Khoa", "Bạch Mai", "Cầu Dền", "Đống Mác", "Đồng Nhân",
                     "Đồng Tâm", "Lê Đại Hành", "Minh Khai", "Nguyễn Du", "Phạm Đình Hổ", "Phố Huế",
                     "Quỳnh Lôi", "Quỳnh Mai", "Thanh Lương", "Thanh Nhàn", "Trương Định", "Vĩnh Tuy"],
    "hoang-mai": ["Đại Kim", "Định Công", "Giáp Bát", "Hoàng Liệt", "Hoàng Văn Thụ", "Lĩnh Nam",
                  "Mai Động", "Tân Mai", "Thanh Trì", "Thịnh Liệt", "Trần Phú", "Tương Mai", "Vĩnh Hưng",
                  "Yên Sở"],
    "long-bien": ["Bồ Đề", "Cự Khối", "Đức Giang", "Gia Thụy", "Giang Biên", "Long Biên", "Ngọc Lâm",
                  "Ngọc Thụy", "Phúc Đồng", "Phúc Lợi", "Sài Đồng", "Thạch Bàn", "Thượng Thanh",
                  "Việt Hưng"],
}  # fmt: skip

STREETS = [
    "Hàng Bài", "Tràng Tiền", "Lý Thường Kiệt", "Nguyễn Thái Học", "Kim Mã", "Giảng Võ", "Láng Hạ",
    "Tây Sơn", "Xã Đàn", "Giải Phóng", "Bạch Mai", "Minh Khai", "Trương Định", "Nguyễn Văn Cừ",
    "Ngọc Lâm", "Nguyễn Văn Linh", "Tam Trinh", "Lĩnh Nam", "Đinh Tiên Hoàng", "Phan Đình Phùng",
    "Hoàng Hoa Thám", "Đội Cấn", "Tôn Đức Thắng", "Nguyễn Lương Bằng", "Đại Cồ Việt", "Lò Đúc",
    "Kim Ngưu", "Trần Khát Chân", "Giáp Bát", "Nguyễn Đức Cảnh",
]  # fmt: skip

MOVEMENTS = [
    '"Người tốt, việc tốt"', '"Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh"',
    '"Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau"',
    '"Lao động giỏi, lao động sáng tạo"', '"Doanh nghiệp Thủ đô hội nhập và phát triển"',
    '"Toàn dân bảo vệ an ninh Tổ quốc"', '"Dân vận khéo"', '"Cả nước thi đua đổi mới sáng tạo và chuyển đổi số"',
    '"Cả nước chung tay xóa nhà tạm, nhà dột nát"', '"Thi đua thực hiện văn hóa công sở"',
    '"Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở"', '"Giỏi việc nước, đảm việc nhà"',
    '"Phụ nữ tích cực học tập, lao động sáng tạo, xây dựng gia đình hạnh phúc"',
    '"Tuổi trẻ Thủ đô xung kích, tình nguyện vì cộng đồng"', '"Cựu chiến binh gương mẫu"',
    '"Tuổi cao - gương sáng"', '"Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"',
]  # fmt: skip

BASE_SLOTS: dict[str, list[str]] = {
    "actor": [
        "UBND {lv}", "các cơ quan, đơn vị", "các phòng, ban chuyên môn", "Ủy ban Mặt trận Tổ quốc {lv}",
        "Công an {lv}", "Ban Chỉ huy Quân sự {lv}", "Trung tâm Văn hóa - Thông tin và Thể thao {lv}",
        "Phòng Văn hóa và Thông tin", "Phòng Nội vụ", "Phòng Giáo dục và Đào tạo", "Đoàn Thanh niên {lv}",
        "Hội Liên hiệp Phụ nữ {lv}", "Hội Cựu chiến binh {lv}", "Hội Người cao tuổi {lv}",
        "Liên đoàn Lao động {lv}", "các tổ dân phố", "các trường học trên địa bàn", "Đội Quản lý trật tự đô thị",
        "Ban Quản lý dự án đầu tư xây dựng {lv}", "các đoàn thể chính trị - xã hội",
    ],
    "push": ["tập trung", "chủ động", "tích cực", "quyết liệt", "thường xuyên", "kịp thời", "đồng loạt"],
    "do": ["triển khai", "tổ chức", "chỉ đạo", "phối hợp thực hiện", "đẩy mạnh", "duy trì"],
    "effect": [
        "góp phần hoàn thành các nhiệm vụ chính trị của {lv}", "tạo chuyển biến rõ nét về nhận thức và hành động",
        "được Nhân dân đồng tình, ủng hộ", "tạo sức lan tỏa sâu rộng trong cộng đồng",
        "nâng cao chất lượng, hiệu quả công tác", "góp phần giữ vững ổn định chính trị trên địa bàn",
        "tạo khí thế thi đua sôi nổi trong cán bộ, đảng viên và Nhân dân",
    ],
    "people": [
        "cán bộ, công chức, viên chức", "cán bộ, đảng viên và Nhân dân", "đoàn viên, hội viên",
        "người lao động", "các tầng lớp Nhân dân", "hộ kinh doanh và doanh nghiệp", "học sinh, sinh viên",
    ],
    "when": [
        "ngay từ đầu năm", "trong năm {y}", "trong quý I", "trong những tháng cuối năm", "trong dịp Tết Nguyên đán",
        "nhân dịp kỷ niệm Ngày Giải phóng Thủ đô 10/10", "nhân dịp kỷ niệm Ngày Thi đua yêu nước 11/6",
        "trong dịp cao điểm", "ngày {date}",
    ],
    "doc": ["Kế hoạch số {docno}/KH-UBND ngày {date}", "Công văn số {docno}/UBND-NV ngày {date}",
            "Quyết định số {docno}/QĐ-UBND ngày {date}", "Hướng dẫn số {docno}/HD-HĐTĐKT ngày {date}"],
    "event": ["hội nghị", "buổi tọa đàm", "lớp tập huấn", "buổi giao lưu", "cuộc kiểm tra", "buổi đối thoại"],
}  # fmt: skip

THEMES: dict[str, tuple[list[str], list[str]]] = {
    # theme: (headings, sentences)
    "context": (
        ["Thuận lợi", "Khó khăn", "Đặc điểm chung"],
        [
            "{Unit} [là địa bàn|có vị trí] quan trọng về chính trị, kinh tế, văn hóa của Thủ đô, [tập trung nhiều cơ quan Trung ương, Thành phố|có nhiều di tích lịch sử, văn hóa] và [đông đảo hộ kinh doanh|nhiều doanh nghiệp lớn].",
            "[Năm {y}|Trong năm {y}], tình hình kinh tế - xã hội [trên địa bàn|của {lv}] [tiếp tục|từng bước] [phục hồi|ổn định và phát triển], đời sống vật chất, tinh thần của Nhân dân [được nâng lên|được cải thiện].",
            "Bên cạnh những thuận lợi, {unit} [còn|tiếp tục] [đối mặt với|gặp] nhiều khó khăn: [áp lực về quản lý trật tự đô thị còn lớn|giá cả một số mặt hàng thiết yếu biến động|hoạt động sản xuất, kinh doanh của một bộ phận doanh nghiệp chưa phục hồi hoàn toàn].",
            "Được sự quan tâm lãnh đạo, chỉ đạo của Thành ủy, HĐND, UBND Thành phố, [sự hướng dẫn của Ban Thi đua - Khen thưởng Thành phố|trực tiếp là sự lãnh đạo của cấp ủy {lv}], UBND {lv} đã {push} chỉ đạo thực hiện đồng bộ các nhiệm vụ, giải pháp.",
            "Công tác thi đua, khen thưởng [tiếp tục|luôn] được cấp ủy, chính quyền [quan tâm chỉ đạo|coi trọng]; các phong trào thi đua được gắn chặt với [việc thực hiện nhiệm vụ chính trị|các nhiệm vụ trọng tâm] của từng cơ quan, đơn vị.",
            "Yêu cầu về bảo đảm an ninh, trật tự, an toàn xã hội và [quản lý đô thị|phục vụ các sự kiện chính trị lớn] trên địa bàn luôn đặt ra [rất cao|ngày càng cao] đối với cả hệ thống chính trị.",
        ],
    ),
    "urban": (
        ["Công tác quản lý đô thị, trật tự xây dựng", "Chỉnh trang đô thị", "Quản lý trật tự xây dựng"],
        [
            "{actor} đã {push} {do} [ra quân|kiểm tra,] xử lý vi phạm trật tự đô thị trên tuyến phố {street}, [lập lại trật tự vỉa hè, lòng đường|giải tỏa tình trạng lấn chiếm vỉa hè để kinh doanh].",
            "Công tác quản lý trật tự xây dựng được [tăng cường|siết chặt]; [các công trình vi phạm được phát hiện và xử lý ngay từ khi mới phát sinh|việc cấp phép xây dựng được thực hiện công khai, minh bạch].",
            "[Thực hiện|Triển khai] {doc}, {lv} đã [cải tạo|chỉnh trang] hè phố, [hệ thống chiếu sáng|cây xanh] trên tuyến phố {street}, {effect}.",
            "Mô hình tuyến phố văn minh đô thị tiếp tục được [duy trì|nhân rộng] tại [{sub}|các tổ dân phố], [tạo cảnh quan sáng, xanh, sạch, đẹp|được người dân đánh giá cao].",
            "Việc [cải tạo, xây dựng lại chung cư cũ|chỉnh trang các khu tập thể cũ] được [đẩy nhanh|quan tâm chỉ đạo]; {lv} đã tổ chức {n2} {event} với các hộ dân để [lắng nghe ý kiến|tháo gỡ vướng mắc].",
        ],
    ),
    "environment": (
        ["Công tác vệ sinh môi trường", "Tài nguyên, môi trường"],
        [
            "{actor} đã {do} [ra quân tổng vệ sinh môi trường|thu gom rác thải tại các điểm tồn đọng] [vào sáng thứ Bảy hằng tuần|định kỳ hằng tháng], [thu hút đông đảo người dân tham gia|{effect}].",
            "Công tác phân loại rác thải tại nguồn được [thí điểm|triển khai] tại {sub}; [tình trạng đổ trộm phế thải xây dựng được kiểm soát|các điểm đen về môi trường được xóa bỏ].",
            "Việc [kiểm tra các cơ sở sản xuất, kinh doanh|kiểm soát ô nhiễm tiếng ồn, khói bụi] được thực hiện [thường xuyên|nghiêm túc]; các trường hợp vi phạm [được xử lý theo quy định|được nhắc nhở, chấn chỉnh kịp thời].",
            "Phong trào [trồng cây xanh|xây dựng vườn hoa, sân chơi cộng đồng] được các tổ dân phố hưởng ứng, [nhiều khoảng đất trống được cải tạo thành không gian công cộng|{effect}].",
        ],
    ),
    "social": (
        ["Công tác an sinh xã hội", "Lao động, thương binh và xã hội", "Chăm lo các đối tượng chính sách"],
        [
            "Công tác chăm lo gia đình chính sách, người có công [được thực hiện đầy đủ, kịp thời|được quan tâm]; {lv} đã tổ chức [thăm hỏi, tặng quà|trao quà] {when}.",
            "Ủy ban Mặt trận Tổ quốc {lv} [vận động|phối hợp vận động] các tổ chức, cá nhân ủng hộ Quỹ \"Vì người nghèo\", [hỗ trợ sửa chữa nhà ở|trao học bổng cho học sinh có hoàn cảnh khó khăn].",
            "Các chế độ, chính sách đối với [người cao tuổi, người khuyết tật|đối tượng bảo trợ xã hội] được chi trả [đúng đối tượng, đúng thời gian|qua tài khoản ngân hàng, bảo đảm thuận tiện].",
            "Hoạt động [đền ơn đáp nghĩa|uống nước nhớ nguồn] được duy trì [thường xuyên|có chiều sâu], [thể hiện truyền thống tốt đẹp của dân tộc|{effect}].",
        ],
    ),
    "health": (
        ["Công tác y tế, chăm sóc sức khỏe Nhân dân", "Y tế"],
        [
            "Trạm Y tế [đã tổ chức|phối hợp tổ chức] [khám sàng lọc|tư vấn sức khỏe] cho người cao tuổi {when}, [bảo đảm an toàn|được người dân đồng tình].",
            "Công tác [phòng, chống dịch bệnh|phòng, chống sốt xuất huyết] được triển khai [chủ động|quyết liệt]; [các ổ dịch được khoanh vùng, xử lý kịp thời|không để dịch bệnh lan rộng].",
            "Việc [kiểm tra an toàn thực phẩm|thanh tra hành nghề y, dược ngoài công lập] được thực hiện {when}, [các vi phạm được xử lý theo quy định|góp phần bảo vệ sức khỏe Nhân dân].",
        ],
    ),
    "education": (
        ["Công tác giáo dục và đào tạo", "Giáo dục"],
        [
            "Ngành giáo dục {lv} [tiếp tục|đã] [đổi mới phương pháp dạy và học|nâng cao chất lượng giáo dục toàn diện]; [đội ngũ giáo viên được bồi dưỡng chuyên môn|cơ sở vật chất trường lớp được đầu tư].",
            "Phong trào \"Thi đua dạy tốt, học tốt\" được [các nhà trường|đội ngũ giáo viên] hưởng ứng [tích cực|sôi nổi], {effect}.",
            "Công tác [tuyển sinh đầu cấp|phổ cập giáo dục] được thực hiện [đúng kế hoạch|công khai, minh bạch], [không để xảy ra sai sót|bảo đảm quyền lợi của học sinh].",
        ],
    ),
    "culture": (
        ["Văn hóa, thông tin, thể thao", "Hoạt động văn hóa, du lịch"],
        [
            "Trung tâm Văn hóa - Thông tin và Thể thao {lv} đã tổ chức [nhiều|các] chương trình [văn nghệ|giao lưu văn hóa, thể thao] {when}, [phục vụ nhiệm vụ chính trị của {lv}|thu hút đông đảo Nhân dân tham gia].",
            "Cuộc vận động \"Toàn dân đoàn kết xây dựng đời sống văn hóa\" được [triển khai sâu rộng|gắn với xây dựng nếp sống văn minh đô thị], [các hủ tục trong việc cưới, việc tang được đẩy lùi|{effect}].",
            "Hoạt động [du lịch, dịch vụ|lễ hội truyền thống] [từng bước phục hồi|được tổ chức trang trọng, tiết kiệm], [bảo đảm an ninh, trật tự|góp phần quảng bá hình ảnh {lv}].",
        ],
    ),
    "security": (
        ["Quốc phòng, an ninh, trật tự an toàn xã hội", "Công tác quân sự, quốc phòng địa phương"],
        [
            "Tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn [được giữ vững|ổn định]; Công an {lv} [đã|] {push} [tấn công, trấn áp tội phạm|triển khai các đợt cao điểm bảo đảm an ninh, trật tự].",
            "Công tác [tuyển chọn và gọi công dân nhập ngũ|huấn luyện lực lượng dân quân tự vệ] được thực hiện [đúng quy trình|công khai, dân chủ], [hoàn thành đúng kế hoạch|{effect}].",
            "Mô hình [\"Tổ dân phố an toàn về an ninh, trật tự\"|\"Camera an ninh\"] được [duy trì|nhân rộng] tại {sub}, [góp phần phòng ngừa tội phạm|được Nhân dân hưởng ứng].",
            "Công tác phòng cháy, chữa cháy được [chú trọng|tăng cường]; {lv} tổ chức {n2} {event} [hướng dẫn kỹ năng thoát nạn|kiểm tra an toàn phòng cháy] cho các hộ gia đình.",
        ],
    ),
    "reform": (
        ["Cải cách hành chính, chuyển đổi số", "Chuyển đổi số", "Xây dựng chính quyền số"],
        [
            "{Unit} [tiếp tục|đã] [đẩy mạnh|tập trung] cải cách hành chính, [chuẩn hóa quy trình tại Bộ phận Một cửa|tăng cường kỷ luật, kỷ cương hành chính], [tạo thuận lợi cho người dân, doanh nghiệp|{effect}].",
            "Tổ công nghệ số cộng đồng tại {sub} đã [hướng dẫn người dân cài đặt, sử dụng ứng dụng định danh điện tử|hỗ trợ người dân thực hiện dịch vụ công trực tuyến], [được Nhân dân ghi nhận|{effect}].",
            "Việc [ứng dụng công nghệ thông tin trong quản lý, điều hành|số hóa kết quả giải quyết thủ tục hành chính] được [quan tâm|triển khai đồng bộ]; [văn bản điện tử được ký số và gửi nhận trên môi trường mạng|hệ thống phần mềm được vận hành ổn định].",
            "Thái độ, tinh thần phục vụ của [cán bộ, công chức Bộ phận Một cửa|đội ngũ công chức] [có nhiều chuyển biến tích cực|được người dân, doanh nghiệp đánh giá cao].",
        ],
    ),
    "movement": (
        [],  # headings are the movements' names
        [
            "Hưởng ứng phong trào {movement}, {actor} đã {do} [nhiều hoạt động thiết thực|các nội dung cụ thể], {effect}.",
            "[Phong trào|Việc thực hiện phong trào] {movement} được [gắn với|lồng ghép với] [các nhiệm vụ trọng tâm của {lv}|cuộc vận động xây dựng nếp sống văn minh], [thu hút {people} tham gia|{effect}].",
            "{Actor_cap} đã ban hành {doc} [để triển khai|hướng dẫn thực hiện] phong trào {movement}, [giao chỉ tiêu cụ thể cho từng đơn vị|xác định rõ nội dung, tiêu chí thi đua].",
            "Qua phong trào {movement}, [nhiều tập thể, cá nhân tiêu biểu đã xuất hiện|ý thức trách nhiệm của {people} được nâng lên], [tạo động lực hoàn thành nhiệm vụ|{effect}].",
            "{Actor_cap} đã [tổ chức sơ kết, đánh giá|kiểm tra việc thực hiện] phong trào {movement} {when}, [kịp thời biểu dương những cách làm sáng tạo|chỉ ra những tồn tại cần khắc phục].",
        ],
    ),
    "propaganda": (
        ["Công tác tuyên truyền", "Tuyên truyền về thi đua, khen thưởng"],
        [
            "Công tác tuyên truyền về thi đua, khen thưởng được thực hiện [với nhiều hình thức phong phú|thường xuyên]: trên [Cổng thông tin điện tử {lv}|hệ thống loa truyền thanh cơ sở|các trang mạng xã hội chính thức của {lv}], [bảng tin khu dân cư|pa-nô, áp phích cổ động].",
            "Các cơ quan, đơn vị đã [lồng ghép nội dung tuyên truyền vào các buổi sinh hoạt chi bộ|treo băng rôn, khẩu hiệu tại trụ sở và trên tuyến phố {street}], {effect}.",
            "UBND {lv} [phối hợp với các cơ quan báo chí|chỉ đạo Trung tâm Văn hóa - Thông tin và Thể thao] [xây dựng chuyên mục|thực hiện nhiều tin bài, phóng sự] giới thiệu [người tốt, việc tốt|cách làm hay] trên địa bàn.",
            "Thông qua công tác tuyên truyền, [nhận thức của {people} về thi đua yêu nước được nâng lên|nhiều cách làm sáng tạo được chia sẻ, học tập], [tạo sự đồng thuận trong Nhân dân|{effect}].",
        ],
    ),
    "council": (
        ["Kiện toàn Hội đồng Thi đua - Khen thưởng", "Công tác tổ chức, cán bộ làm thi đua, khen thưởng"],
        [
            "UBND {lv} đã [kịp thời|] kiện toàn Hội đồng Thi đua - Khen thưởng {lv} [theo {doc}|khi có thay đổi về nhân sự], phân công nhiệm vụ cụ thể cho từng thành viên.",
            "Hội đồng Thi đua - Khen thưởng {lv} [duy trì chế độ họp định kỳ|họp xét khen thưởng kịp thời]; việc xét duyệt hồ sơ [được thực hiện công khai, dân chủ|bảo đảm đúng quy trình, đúng đối tượng].",
            "Đội ngũ cán bộ làm công tác thi đua, khen thưởng [được kiện toàn, ổn định|được tập huấn nghiệp vụ {when}], [công tác tham mưu ngày càng chủ động|{effect}].",
            "Hội đồng Sáng kiến {lv} [được kiện toàn|đã tổ chức họp] [để xét, công nhận sáng kiến theo quy định|làm căn cứ xét tặng danh hiệu Chiến sĩ thi đua].",
        ],
    ),
    "inspection": (
        ["Công tác kiểm tra, giám sát", "Kiểm tra, giải quyết đơn thư"],
        [
            "UBND {lv} đã [tổ chức|chỉ đạo] kiểm tra công tác thi đua, khen thưởng tại [một số cơ quan, đơn vị|{sub}] {when}; qua kiểm tra đã [kịp thời hướng dẫn, chấn chỉnh những tồn tại|nhắc nhở các đơn vị thực hiện đúng quy định].",
            "Công tác giải quyết đơn thư liên quan đến thi đua, khen thưởng [được thực hiện đúng quy định|được quan tâm]; [trong năm không phát sinh đơn thư khiếu nại, tố cáo|các kiến nghị được trả lời kịp thời].",
            "Việc [lưu trữ hồ sơ khen thưởng|quản lý, sử dụng Quỹ thi đua, khen thưởng] [được thực hiện khoa học|bảo đảm công khai, minh bạch theo quy định của pháp luật].",
        ],
    ),
    "cluster": (
        ["Hoạt động của Cụm thi đua", "Tham gia hoạt động Cụm thi đua"],
        [
            "Là thành viên {cluster}, {unit} đã [ký kết giao ước thi đua ngay từ đầu năm|tham gia đầy đủ các hoạt động do Cụm tổ chức], [chủ động trao đổi kinh nghiệm|phối hợp chặt chẽ với các đơn vị trong Cụm].",
            "Thông qua hoạt động của Cụm thi đua, các đơn vị [đã có điều kiện học tập những mô hình mới|chia sẻ kinh nghiệm trong quản lý đô thị, cải cách hành chính], [góp phần nâng cao hiệu quả công tác|{effect}].",
            "{Unit} [phối hợp với đơn vị Cụm trưởng|tham gia cùng các đơn vị trong Cụm] [xây dựng nội dung, tiêu chí thi đua|tổ chức chấm điểm, bình xét thi đua cuối năm] [bảo đảm khách quan, công bằng|đúng hướng dẫn của Thành phố].",
        ],
    ),
    "good": (
        ["Ưu điểm", "Những kết quả nổi bật"],
        [
            "Công tác thi đua, khen thưởng [tiếp tục nhận được sự quan tâm lãnh đạo, chỉ đạo của cấp ủy, chính quyền|được triển khai bài bản, có chiều sâu]; [các phong trào thi đua có nội dung thiết thực|nội dung thi đua bám sát nhiệm vụ chính trị], [nhất là phong trào {movement}|tiêu biểu là các hoạt động tại {sub}].",
            "Công tác khen thưởng được thực hiện [kịp thời, đúng quy trình|công khai, minh bạch]; [chú trọng khen thưởng người lao động trực tiếp|quan tâm khen thưởng các tập thể, cá nhân có thành tích đột xuất] {when}.",
            "Việc phát hiện, bồi dưỡng và nhân rộng điển hình tiên tiến [có nhiều chuyển biến|được quan tâm hơn]; [nhiều cách làm hay ở {sub} được nhân rộng|{effect}].",
            "{Actor_cap} [đã phát huy tốt vai trò|đã chủ động] trong [việc tổ chức các phong trào thi đua|công tác tham mưu, hướng dẫn], {effect}.",
        ],
    ),
    "bad": (
        ["Tồn tại, hạn chế", "Hạn chế"],
        [
            "Một số phong trào thi đua [còn mang tính hình thức|nội dung chưa cụ thể, khó đánh giá], [nhất là ở {sub}|chưa thu hút đông đảo {people} tham gia]; việc sơ kết, tổng kết ở một số đơn vị [chưa kịp thời|còn chậm].",
            "Chất lượng hồ sơ đề nghị khen thưởng của một số cơ quan, đơn vị [chưa cao|còn phải bổ sung, hoàn thiện nhiều lần], [ảnh hưởng đến thời gian xét khen thưởng|chưa đáp ứng yêu cầu] {when}.",
            "Công tác tuyên truyền về gương người tốt, việc tốt ở [một số nơi|{sub}] [chưa thường xuyên|hình thức chưa phong phú], [sức lan tỏa còn hạn chế|chưa thu hút được đông đảo Nhân dân].",
            "Việc triển khai phong trào {movement} ở một số đơn vị [còn chậm|chưa đồng đều], [kết quả chưa tương xứng với tiềm năng|chưa có nhiều mô hình mới].",
        ],
    ),
    "cause": (
        ["Nguyên nhân của hạn chế"],
        [
            "Một số thủ trưởng cơ quan, đơn vị [chưa quan tâm đúng mức đến công tác thi đua, khen thưởng|chưa chủ động đổi mới nội dung, hình thức thi đua], [nhất là trong việc triển khai phong trào {movement}|còn trông chờ vào hướng dẫn của cấp trên].",
            "Cán bộ làm công tác thi đua, khen thưởng ở [cơ sở|{sub}|một số cơ quan, đơn vị] [chủ yếu kiêm nhiệm|thường xuyên thay đổi], [kinh nghiệm còn hạn chế|chưa được bồi dưỡng chuyên sâu].",
            "[Khối lượng công việc lớn|Nhiều nhiệm vụ đột xuất phát sinh] {when}, [nên việc tổ chức sơ kết, tổng kết có lúc chưa kịp thời|ảnh hưởng đến việc theo dõi, đánh giá phong trào].",
        ],
    ),
    "lessons": (
        ["Bài học kinh nghiệm"],
        [
            "[Phải|Cần] có sự lãnh đạo, chỉ đạo [sát sao|thường xuyên] của cấp ủy, chính quyền [và sự vào cuộc của cả hệ thống chính trị|, sự phối hợp chặt chẽ giữa {actor} và {actor}].",
            "Nội dung thi đua phải [cụ thể, thiết thực|bám sát nhiệm vụ chính trị], gắn với [lợi ích của người dân|các nhiệm vụ trọng tâm, khó khăn của {lv}], [như kinh nghiệm triển khai phong trào {movement}|tránh phô trương, hình thức].",
            "Khen thưởng phải [kịp thời, chính xác, công khai|đúng người, đúng thành tích], [có tác dụng động viên, nêu gương|chú trọng người trực tiếp lao động, sản xuất], [như cách làm tại {sub}|nhất là đối với {people}].",
        ],
    ),
    "tasks": (
        ["Nhiệm vụ, giải pháp"],
        [
            "[Tiếp tục|] [đổi mới nội dung, hình thức tổ chức các phong trào thi đua|đẩy mạnh các phong trào thi đua yêu nước], [trọng tâm là phong trào {movement}|gắn với thực hiện nhiệm vụ chính trị], [tránh hình thức|phù hợp với thực tế].",
            "[Nâng cao chất lượng|Làm tốt] công tác phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến [tại {sub}|trong {people}]; [quan tâm khen thưởng người lao động trực tiếp|kịp thời biểu dương những nhân tố mới].",
            "[Kiện toàn|Củng cố] đội ngũ làm công tác thi đua, khen thưởng; [tăng cường tập huấn nghiệp vụ|đẩy mạnh ứng dụng công nghệ thông tin trong quản lý hồ sơ khen thưởng] [ngay từ quý I|trong năm {y1}].",
            "[Chủ động|Tích cực] tham gia các hoạt động của Cụm thi đua, [phấn đấu hoàn thành xuất sắc các nội dung đã ký kết giao ước|học tập kinh nghiệm của các đơn vị bạn] [trong năm {y1}|].",
        ],
    ),
    "proposals": (
        [],
        [
            "Đề nghị Ban Thi đua - Khen thưởng Thành phố [tiếp tục tổ chức các lớp tập huấn nghiệp vụ|sớm ban hành hướng dẫn] [cho cán bộ làm công tác thi đua ở cơ sở|về công tác thi đua, khen thưởng theo mô hình mới] [trong quý I năm {y1}|ngay từ đầu năm {y1}|].",
            "Đề nghị UBND Thành phố [quan tâm bố trí kinh phí|xem xét tăng mức chi] [cho công tác thi đua, khen thưởng|cho Quỹ thi đua, khen thưởng của {lv}], [nhất là cho phong trào {movement}|tạo điều kiện cho {lv} thực hiện tốt nhiệm vụ].",
        ],
    ),
}  # fmt: skip

# Activities of a field, as verb phrases: the generic frames below turn them into sentences, so that a
# long report does not repeat itself even where it talks about one field for pages.
ACTS: dict[str, list[str]] = {
    "context": ["phát huy truyền thống đoàn kết, năng động, sáng tạo", "bảo đảm an ninh chính trị, trật tự an toàn xã hội",
                "thực hiện thắng lợi các nhiệm vụ phát triển kinh tế - xã hội", "chăm lo đời sống vật chất, tinh thần của Nhân dân"],
    "urban": ["kiểm tra, xử lý các vi phạm trật tự đô thị trên tuyến phố {street}", "ra quân lập lại trật tự vỉa hè, lòng đường tại {sub}",
              "chỉnh trang hè phố, hệ thống chiếu sáng trên tuyến phố {street}", "cải tạo các khu tập thể cũ, chung cư cũ xuống cấp",
              "duy trì mô hình tuyến phố văn minh đô thị", "xử lý dứt điểm các công trình vi phạm trật tự xây dựng",
              "hạ ngầm, chỉnh trang đường dây, cáp viễn thông trên tuyến phố {street}", "giải tỏa các điểm kinh doanh lấn chiếm lòng đường"],
    "environment": ["tổng vệ sinh môi trường, khơi thông cống rãnh tại {sub}", "thu gom rác thải tại các điểm tồn đọng",
                    "thí điểm phân loại rác thải tại nguồn", "trồng mới cây xanh trên tuyến phố {street}",
                    "kiểm soát ô nhiễm khói bụi tại các công trình xây dựng", "xử lý các điểm đổ trộm phế thải",
                    "tuyên truyền giảm thiểu rác thải nhựa trong khu dân cư"],
    "social": ["thăm hỏi, tặng quà các gia đình chính sách, người có công", "hỗ trợ sửa chữa nhà ở cho hộ có hoàn cảnh khó khăn",
               "chi trả trợ cấp xã hội qua tài khoản ngân hàng", 'vận động ủng hộ Quỹ "Vì người nghèo"',
               "trao học bổng cho học sinh có hoàn cảnh khó khăn", "chăm lo đời sống người cao tuổi, người khuyết tật"],
    "health": ["khám sàng lọc, tư vấn sức khỏe cho người cao tuổi", "phun hóa chất phòng, chống sốt xuất huyết tại {sub}",
               "kiểm tra an toàn thực phẩm tại các bếp ăn tập thể", "tiêm chủng mở rộng cho trẻ em trong độ tuổi",
               "kiểm tra hành nghề y, dược ngoài công lập", "truyền thông phòng, chống dịch bệnh mùa hè"],
    "education": ["bồi dưỡng chuyên môn cho đội ngũ giáo viên", "sửa chữa, nâng cấp cơ sở vật chất trường học",
                  "tổ chức tuyển sinh đầu cấp trực tuyến", "đẩy mạnh chuyển đổi số trong dạy và học",
                  "duy trì hoạt động của trung tâm học tập cộng đồng", "phát triển phong trào khuyến học, khuyến tài"],
    "culture": ["tổ chức các chương trình văn nghệ chào mừng các ngày lễ lớn", "duy trì hoạt động của các câu lạc bộ văn hóa, thể thao",
                "tu bổ, tôn tạo các di tích lịch sử trên địa bàn", "xây dựng nếp sống văn minh trong việc cưới, việc tang",
                "tổ chức giải thể thao quần chúng tại {sub}", "quảng bá hình ảnh, du lịch của {lv}"],
    "security": ["tấn công, trấn áp các loại tội phạm", "bảo đảm an ninh, trật tự các sự kiện chính trị quan trọng",
                 "tuyển chọn và gọi công dân nhập ngũ", "huấn luyện lực lượng dân quân tự vệ",
                 "kiểm tra an toàn phòng cháy, chữa cháy tại các hộ kinh doanh", 'duy trì mô hình "Camera an ninh" tại {sub}',
                 "tuần tra, kiểm soát bảo đảm trật tự an toàn giao thông", "tuyên truyền kỹ năng thoát nạn khi có cháy"],
    "reform": ["chuẩn hóa quy trình tại Bộ phận Một cửa", "hướng dẫn người dân sử dụng dịch vụ công trực tuyến",
               "ký số văn bản điện tử trên môi trường mạng", "hỗ trợ người dân cài đặt ứng dụng định danh điện tử",
               "tăng cường kỷ luật, kỷ cương hành chính", "rà soát, đơn giản hóa quy trình nội bộ"],
    "movement": ["triển khai phong trào {movement}", "sơ kết, đánh giá phong trào {movement}",
                 "lồng ghép phong trào {movement} với các nhiệm vụ trọng tâm", "hưởng ứng phong trào {movement}",
                 "cụ thể hóa nội dung phong trào {movement} tại {sub}"],
    "propaganda": ["tuyên truyền về thi đua, khen thưởng trên Cổng thông tin điện tử {lv}",
                   "treo băng rôn, khẩu hiệu cổ động trên tuyến phố {street}",
                   "giới thiệu gương người tốt, việc tốt trên hệ thống loa truyền thanh",
                   "lồng ghép nội dung tuyên truyền vào sinh hoạt chi bộ, tổ dân phố"],
    "council": ["kiện toàn Hội đồng Thi đua - Khen thưởng {lv}", "tập huấn nghiệp vụ cho cán bộ làm công tác thi đua",
                "rà soát quy chế hoạt động của Hội đồng", "hướng dẫn các đơn vị hoàn thiện hồ sơ đề nghị khen thưởng"],
    "inspection": ["kiểm tra công tác thi đua, khen thưởng tại {sub}", "rà soát việc lưu trữ hồ sơ khen thưởng",
                   "kiểm tra việc quản lý, sử dụng Quỹ thi đua, khen thưởng"],
    "cluster": ["trao đổi kinh nghiệm với các đơn vị trong Cụm", "tham gia các hoạt động giao lưu do Cụm tổ chức"],
}  # fmt: skip

FRAMES = [
    "{opener}, {actor} đã {push} {do} {act}, {effect}.",
    "{actor} [đã|] {push} {act}; [qua đó|nhờ vậy|từ đó], {effect}.",
    "Việc {act} [được|đã được] [triển khai|thực hiện|duy trì] [tại {sub}|trên địa bàn|ở các tổ dân phố|trong toàn {lv}], {effect}.",
    "[Trong năm|{when}], {lv} đã tổ chức {n2} [hội nghị|buổi tọa đàm|lớp tập huấn|buổi làm việc] [để|nhằm] {act}.",
    "[Bên cạnh đó|Ngoài ra|Đồng thời|Cùng với đó], {actor} [đã|] [phối hợp với|cùng] {actor} {act}, {effect}.",
]
OPENERS = ["[Thực hiện|Triển khai|Căn cứ] {doc}", "Bám sát [chỉ đạo của Thành phố|nghị quyết của cấp ủy]",
           "[Ngay từ đầu năm|Trong năm {y}|Từ đầu năm đến nay]", "Nhằm [nâng cao hiệu quả công tác|cụ thể hóa các nhiệm vụ trọng tâm]"]  # fmt: skip

YEAR_CONTEXT: dict[int, list[str]] = {
    2021: ["Năm {y} là năm đầu tiên thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng; tình hình dịch bệnh Covid-19 diễn biến [phức tạp|hết sức phức tạp], [nhiều thời điểm phải giãn cách xã hội|ảnh hưởng lớn đến đời sống Nhân dân]."],
    2022: ["Năm {y} là năm [có ý nghĩa quan trọng|bản lề] trong thực hiện Kế hoạch phát triển kinh tế - xã hội 5 năm 2021 - 2025; sau đại dịch Covid-19, [các hoạt động kinh tế - xã hội từng bước phục hồi|đời sống Nhân dân dần ổn định]."],
    2023: ["Năm {y} là năm [tăng tốc|có ý nghĩa quan trọng] thực hiện các mục tiêu nhiệm kỳ; [kinh tế thế giới còn nhiều biến động|thị trường bất động sản trầm lắng] ảnh hưởng đến [hoạt động sản xuất, kinh doanh|nguồn thu ngân sách] trên địa bàn."],
    2024: ["Năm {y} là năm [tạo đột phá|về đích] các mục tiêu của Kế hoạch 5 năm 2021 - 2025; Luật Thi đua, khen thưởng năm 2022 [có hiệu lực từ ngày 01/01/2024|chính thức đi vào cuộc sống]."],
    2025: ["Sáu tháng cuối năm {y} là giai đoạn đầu vận hành mô hình chính quyền địa phương hai cấp; phường vừa [kiện toàn tổ chức bộ máy|ổn định tổ chức, bố trí cán bộ], vừa [bảo đảm hoạt động thông suốt|giải quyết kịp thời công việc của người dân, doanh nghiệp][, nhất là tại {sub}|; khối lượng công việc lớn, nhiều nhiệm vụ mới chưa có tiền lệ|]."],
}  # fmt: skip


def context_slots(
    unit_id: str, level: str, name: str, year: int, rng: random.Random, cluster: str = "Cụm thi đua số 8"
) -> dict[str, Slot]:
    """The slots of one report: its unit, years, sub-units, dates and document numbers."""
    lv = "quận" if level == "district" else "phường"
    wards = DISTRICT_WARDS.get(unit_id) if level == "district" else None

    def sub(r: random.Random) -> str:
        if wards:
            return f"phường {r.choice(wards)}"
        return f"tổ dân phố số {r.randint(1, 40)}"

    def date(r: random.Random) -> str:
        return f"{r.randint(1, 28):02d}/{r.randint(1, 12):02d}/{year}"

    slots: dict[str, Slot] = dict(BASE_SLOTS)
    slots.update(
        {
            "lv": [lv],
            "Lv": [lv.capitalize()],
            "unit": [f"{lv} {name}"],
            "Unit": [f"{lv.capitalize()} {name}"],
            "y": [str(year)],
            "y1": [str(year + 1)],
            "y0": [str(year - 1)],
            "sub": sub,
            "date": date,
            "docno": lambda r: str(r.randint(12, 980)),
            "n2": lambda r: f"{r.randint(2, 9):02d}",
            "k": lambda r: str(r.randint(1, 45)),
            "street": STREETS,
            "movement": MOVEMENTS,
            "Actor_cap": lambda r: cap(expand(r.choice(BASE_SLOTS["actor"]), r, slots)),
            "opener": OPENERS,
            "cluster": ["Cụm thi đua số 8" if level == "district" else cluster],
        }
    )
    return slots


def filler(
    theme: str, rng: random.Random, slots: Mapping[str, Slot], sentences: tuple[int, int] = (2, 4)
) -> str:
    """One paragraph of 2–4 sentences of a theme: its own sentences and generic frames around its
    activities, never the same template twice in a paragraph."""
    own = THEMES[theme][1]
    acts = ACTS.get(theme)
    pool = own + (FRAMES if acts else [])
    k = min(len(pool), rng.randint(*sentences))
    local = {**slots, "act": acts} if acts else slots
    return " ".join(cap(expand(t, rng, local)) for t in rng.sample(pool, k))


def heading(theme: str, rng: random.Random) -> str:
    heads = THEMES[theme][0]
    return rng.choice(heads) if heads else ""
