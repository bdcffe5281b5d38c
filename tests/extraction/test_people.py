from hypothesis import given, settings
from hypothesis import strategies as st

from congress.extraction.people import extract_people
from congress.extraction.records import CleanReport, PersonRef


def people_of(text: str) -> list[PersonRef]:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return extract_people(CleanReport(raw=text, lines=lines, body="\n".join(lines)))


def test_dash_then_positions_trailing_place_dropped():
    text = (
        "Phóng viên phỏng vấn đồng chí Lò Văn Tiến - Huyện ủy viên, Bí thư Đảng ủy, "
        "Chủ tịch HĐND xã Mường Bú, huyện Mường La về kết quả nhiệm kỳ."
    )
    assert people_of(text) == [
        PersonRef("Lò Văn Tiến", ["Huyện ủy viên", "Bí thư Đảng ủy", "Chủ tịch HĐND xã Mường Bú"])
    ]


def test_comma_then_positions_ended_by_verb():
    text = "Đồng chí Trần Văn Bảy, Phó Bí thư Đảng ủy, Chủ tịch UBND xã Tân Hòa, cho biết: xã đạt."
    assert people_of(text) == [
        PersonRef("Trần Văn Bảy", ["Phó Bí thư Đảng ủy", "Chủ tịch UBND xã Tân Hòa"])
    ]


def test_title_before_name():
    text = "Bí thư Huyện ủy Yên Thế Hoàng Văn Thụ cho biết: huyện đạt 12 chỉ tiêu."
    assert people_of(text) == [PersonRef("Hoàng Văn Thụ", ["Bí thư Huyện ủy Yên Thế"])]


def test_title_before_name_prefers_three_syllables_after_a_place():
    text = "Phó Chủ tịch UBND tỉnh Lâm Đồng Trần Văn Hiệp nhấn mạnh yêu cầu."
    assert people_of(text) == [PersonRef("Trần Văn Hiệp", ["Phó Chủ tịch UBND tỉnh Lâm Đồng"])]


def test_list_of_officials():
    text = (
        "Hội nghị dưới sự chủ trì của các đồng chí: Phạm Thị Hồng Nhung – Tỉnh ủy viên, "
        "Bí thư Huyện ủy; Giàng Seo Phử - Phó Bí thư Thường trực Huyện uỷ, Chủ tịch HĐND huyện; "
        "Hà Văn Minh, Giám đốc Công ty Cao su Phú Riềng."
    )
    assert people_of(text) == [
        PersonRef("Phạm Thị Hồng Nhung", ["Tỉnh ủy viên", "Bí thư Huyện ủy"]),
        PersonRef("Giàng Seo Phử", ["Phó Bí thư Thường trực Huyện uỷ", "Chủ tịch HĐND huyện"]),
        PersonRef("Hà Văn Minh", ["Giám đốc Công ty Cao su Phú Riềng"]),
    ]


def test_organisation_piece_continues_the_position():
    text = (
        "Tới dự có đồng chí Ngô Thị Hạnh – Phó Trưởng phòng theo dõi các cơ quan Nội chính, "
        "Ban Nội chính Tỉnh ủy; đồng chí Đoàn Văn Nam - UVTV, Trưởng Ban Tuyên giáo Huyện ủy "
        "trình bày báo cáo."
    )
    assert people_of(text) == [
        PersonRef(
            "Ngô Thị Hạnh",
            ["Phó Trưởng phòng theo dõi các cơ quan Nội chính, Ban Nội chính Tỉnh ủy"],
        ),
        PersonRef("Đoàn Văn Nam", ["UVTV", "Trưởng Ban Tuyên giáo Huyện ủy"]),
    ]


def test_same_person_merged_shorter_position_dropped():
    text = (
        "Đồng chí Lê Quang Tùng, Tỉnh ủy viên, Bí thư Đảng ủy Khối Doanh nghiệp tỉnh Bình Dương:\n"
        "Phóng viên phỏng vấn đồng chí Lê Quang Tùng, Tỉnh ủy viên, Bí thư Đảng ủy Khối về "
        "nhiệm kỳ. Đồng chí Lê Quang Tùng - Phó Bí thư thường trực Đảng ủy Khối phát biểu."
    )
    assert people_of(text) == [
        PersonRef(
            "Lê Quang Tùng",
            [
                "Tỉnh ủy viên",
                "Bí thư Đảng ủy Khối Doanh nghiệp tỉnh Bình Dương",
                "Phó Bí thư thường trực Đảng ủy Khối",
            ],
        )
    ]


def test_kiem_joins_two_positions_and_ong_ba_anchor():
    text = (
        "Bà Nguyễn Thị Mai, Bí thư Chi bộ thôn 3 kiêm Trưởng thôn cho biết. "
        "Ông Nguyễn Văn Bình (Giám đốc Sở Kế hoạch và Đầu tư) đã trình bày."
    )
    assert people_of(text) == [
        PersonRef("Nguyễn Thị Mai", ["Bí thư Chi bộ thôn 3", "Trưởng thôn"]),
        PersonRef("Nguyễn Văn Bình", ["Giám đốc Sở Kế hoạch và Đầu tư"]),
    ]


def test_no_false_people():
    text = (
        "Đồng chí Bí thư Đảng ủy, Chủ tịch HĐND xã: năm qua xã đạt. "
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh. Thực hiện lời dạy của Bác Hồ. "
        "Chủ tịch Hồ Chí Minh đã dạy. Chủ tịch UBND TP Hồ Chí Minh cho biết. "
        "Phó Chủ tịch UBND tỉnh Lâm Đồng cho biết. Ban Thường vụ Huyện ủy họp.\n"
        "Ảnh: ANH DŨNG\nThực hiện: Ngọc Lan\nQuang Minh"
    )
    assert people_of(text) == []


def test_empty_and_garbled_text():
    assert people_of("") == []
    assert people_of("đồng chí , - ; Nguyễn - - Bí thư ;;; ông Bà - Chủ tịch") == []


def test_dash_inside_an_organisation_name_and_rank_anchor():
    text = (
        "Đồng chí Vi Thị Hoa, Giám đốc Sở Lao động - Thương binh và Xã hội phát biểu. "
        "Thượng tá Lường Văn Sơn - Trưởng Công an huyện báo cáo."
    )
    assert people_of(text) == [
        PersonRef("Vi Thị Hoa", ["Giám đốc Sở Lao động - Thương binh và Xã hội"]),
        PersonRef("Lường Văn Sơn", ["Trưởng Công an huyện"]),
    ]


def test_dash_between_two_positions():
    text = "Đồng chí Đặng Văn Hùng, Bí thư Đảng ủy - Chủ tịch HĐND thị trấn Phố Lu cho biết."
    assert people_of(text) == [
        PersonRef("Đặng Văn Hùng", ["Bí thư Đảng ủy", "Chủ tịch HĐND thị trấn Phố Lu"])
    ]


def test_elected_to_a_position():
    text = (
        "Đồng chí Võ Văn Minh tái đắc cử Bí thư Huyện ủy khóa XXIV, nhiệm kỳ 2020 - 2025. "
        "Đồng chí Lê Văn Hòa được bầu giữ chức Phó Bí thư Thường trực Huyện ủy."
    )
    assert people_of(text) == [
        PersonRef("Võ Văn Minh", ["Bí thư Huyện ủy khóa XXIV"]),
        PersonRef("Lê Văn Hòa", ["Phó Bí thư Thường trực Huyện ủy"]),
    ]


@given(
    st.text(
        alphabet=st.sampled_from(list("Đồng chí Nguyễn Văn,-–;:()Bí thư Ủy viên\n")), max_size=200
    )
)
@settings(max_examples=200, deadline=None)
def test_never_crashes_on_odd_text(text):
    for person in people_of(text):
        assert 2 <= len(person.name.split()) <= 4 and person.positions


def test_a_term_after_a_position_is_not_part_of_it():
    text = "Đồng chí Nguyễn Văn Hùng tái đắc cử Bí thư Đảng ủy xã nhiệm kỳ 2020 - 2025."
    assert people_of(text) == [PersonRef("Nguyễn Văn Hùng", ["Bí thư Đảng ủy xã"])]


def test_several_people_elected_to_one_position():
    text = (
        "Đồng chí Hoàng Văn Nam tái đắc cử Bí thư Huyện ủy. Các đồng chí Lê Văn Sơn, Trần Thị "
        "Mai và Nguyễn Thị Thu được bầu làm Phó Bí thư Huyện ủy."
    )
    assert people_of(text) == [
        PersonRef("Hoàng Văn Nam", ["Bí thư Huyện ủy"]),
        PersonRef("Lê Văn Sơn", ["Phó Bí thư Huyện ủy"]),
        PersonRef("Trần Thị Mai", ["Phó Bí thư Huyện ủy"]),
        PersonRef("Nguyễn Thị Thu", ["Phó Bí thư Huyện ủy"]),
    ]


def test_a_list_of_names_without_an_election_verb_gives_nobody():
    assert people_of("Các đồng chí Lê Văn Sơn và Nguyễn Thị Thu đã dự buổi làm việc.") == []
