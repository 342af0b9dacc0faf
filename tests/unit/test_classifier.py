"""The classifier on real-world numbers: carriers' own sample numbers, GS1's own examples,
published check-digit examples. A number with a wrong check digit is never taken for what
it resembles; any text at all comes back classified, never as an exception."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from receiving_station.config import ScannerConfig
from receiving_station.domain.checkdigits import license_plate
from receiving_station.domain.scan import ScanKind
from scanners.classifier import ScanClassifier

c = ScanClassifier()


def kinds(raw: str) -> list[tuple[ScanKind, str, str]]:
    return [(r.kind, r.text, r.carrier) for r in c.classify(raw).readings()]


@pytest.mark.parametrize(
    ("raw", "kind", "text"),
    [
        ("RMA-000123", ScanKind.RMA, "RMA-000123"),
        ("rma000123\r\n", ScanKind.RMA, "RMA-000123"),
        ("BDG-1001", ScanKind.BADGE, "BDG-1001"),
        ("#1000123", ScanKind.ORDER, "1000123"),
        ("'; DROP TABLE rmas; --", ScanKind.UNKNOWN, "';DROPTABLERMAS;--"),
        ("📦", ScanKind.UNKNOWN, "📦"),
    ],
)
def test_our_own_labels_are_classified_by_what_they_are(raw: str, kind: ScanKind, text: str):
    scan = c.classify(raw)
    assert (scan.kind, scan.text) == (kind, text)


@pytest.mark.parametrize("command", ["DONE", "NEXT", "BACK", "SKIP", "PHOTO", "REPRINT", "CANCEL"])
def test_every_command_barcode_is_a_command(command: str):
    scan = c.classify(f"CMD-{command}")
    assert (scan.kind, scan.text) == (ScanKind.COMMAND, command)


# Sample numbers as the carriers publish them (and as collected in the public
# tracking_number_data set), with the spaces people type.
CARRIER_SAMPLES = [
    ("ups", "1Z999AA10123456784", "1Z999AA10123456784"),
    ("ups", "1Z 999 AA1 01 2345 6784", "1Z999AA10123456784"),
    ("fedex", "986578788855", "986578788855"),
    ("fedex", "7905 3531 2317", "790535312317"),
    ("fedex", "1001921334250001000300779017972697", "779017972697"),
    ("fedex", "9622001900000000000000776632517510", "776632517510"),
    ("fedex", "0414 4176 0228 964", "041441760228964"),
    ("fedex", "9611020987654312345672", "987654312345672"),
    ("fedex", "61299998820821171811", "9261299998820821171811"),
    ("usps", "9400 1112 0108 0805 4830 16", "9400111201080805483016"),
    ("usps", "9505 5110 6960 5048 6006 24", "9505511069605048600624"),
    ("usps", "92748931507708513018050063", "92748931507708513018050063"),
    ("usps", "7196 9010 7560 0307 7385", "71969010756003077385"),
    ("dhl", "3318810025", "3318810025"),
    ("dhl", "73891051146", "73891051146"),
    ("dhl", "JJD0099999999", "JJD0099999999"),
    ("dhl", "GM2951173225174494", "GM2951173225174494"),
    ("dhl", "GM 2 9 5 117 32 25 1 7 44 9 4", "GM2951173225174494"),
    ("dpd", "00 81827 0998 0000 0200 33 350 276 C", "09980000020033"),
    ("dpd", "%008182709980000020033350276", "09980000020033"),
    ("amazon", "TBA502887274000", "TBA502887274000"),
    ("canadapost", "0073938000549297", "0073938000549297"),
    ("ontrac", "C11031500001879", "C11031500001879"),
    ("ontrac", "D 100 113 459 830 10", "D10011345983010"),
    ("lasership", "LX17635036", "LX17635036"),
    ("lasership", "1LS717793482164", "1LS717793482164"),
    ("upu", "RR 473 124 829 GB", "RR473124829GB"),
    ("upu", "rr473124829gb", "RR473124829GB"),
]


@pytest.mark.parametrize(("carrier", "raw", "number"), CARRIER_SAMPLES)
def test_carrier_sample_numbers_are_tracking_numbers(carrier: str, raw: str, number: str):
    assert (ScanKind.TRACKING, number, carrier) in kinds(raw)


@pytest.mark.parametrize(
    "raw",
    [
        "1Z999AA10123456783",  # UPS, check digit off by one
        "996578788855",  # FedEx Express
        "1001901781990001000300617767839438",  # FedEx 34-digit barcode
        "5682 8361 0012 732",  # FedEx Ground
        "9261292700768711948020",  # FedEx Ground Economy / USPS
        "3318810034",  # DHL Express
        "008182709980000020033350276A",  # DPD
        "0073938000549292",  # Canada Post
        "C11031500001889",  # OnTrac
        "RR473124828GB",  # UPU S10
        "TBB000000000000",  # not an Amazon prefix
    ],
)
def test_a_wrong_check_digit_is_never_taken_for_a_tracking_number(raw: str):
    assert all(kind is not ScanKind.TRACKING for kind, _, _ in kinds(raw))


@pytest.mark.parametrize(
    "raw",
    [
        "420 22153 9101026837331000039521",  # 420 + ZIP5
        "4201002334249200190132607600833457",  # 420 + ZIP+4
    ],
)
def test_usps_impb_with_the_420_zip_routing_prefix_is_the_bare_tracking_number(raw: str):
    bare = c.classify(raw)
    assert bare.kind is ScanKind.TRACKING
    assert bare.carrier == "usps"
    assert bare.text == c.classify(bare.text).text


@pytest.mark.parametrize(
    ("raw", "gtin"),
    [
        ("4006381333931", "04006381333931"),  # EAN-13, the textbook example
        ("036000291452", "00036000291452"),  # UPC-A
        ("73513537", "00000073513537"),  # EAN-8
        ("10614141000026", "10614141000026"),  # GTIN-14, GS1 US example
        ("]E04006381333931", "04006381333931"),  # with its symbology identifier
    ],
)
def test_gtins_with_a_valid_check_digit_are_products(raw: str, gtin: str):
    product = c.classify(raw).reading(ScanKind.PRODUCT)
    assert product is not None
    assert product.fields["gtin"] == gtin


def test_a_gtin_with_a_wrong_check_digit_is_not_a_product():
    assert c.classify("4006381333932").reading(ScanKind.PRODUCT) is None
    refused = c.classify("]E04006381333932")
    assert refused.kind is ScanKind.UNKNOWN
    assert "check digit" in refused.problem


GS1_EXAMPLES = [
    # GS1-128 with FNC1 sent as GS and the ]C1 symbology identifier
    ("]C1011234567890123110ABC123\x1d17261231", "]C1"),
    # GS1 DataMatrix
    ("]d20109521234543213172612311012345\x1d21SER-9", "]d2"),
    # GS1 QR and GS1 DataBar
    ("]Q30109521234543213172612311012345\x1d21SER-9", "]Q3"),
    ("]e00109521234543213172612311012345\x1d21SER-9", "]e0"),
    # no symbology identifier, no separator needed: the variable field comes last
    ("0109521234543213172612312112345", ""),
    # the bracketed human-readable form, as typed from under the barcode
    ("(01)09521234543213(17)261231(10)12345(21)SER-9", ""),
]


@pytest.mark.parametrize(("raw", "symbology"), GS1_EXAMPLES)
def test_gs1_element_strings_give_gtin_batch_expiry_and_serial(raw: str, symbology: str):
    scan = c.classify(raw)
    assert scan.kind is ScanKind.PRODUCT
    assert scan.symbology == symbology
    assert scan.fields["gtin"] in ("12345678901231", "09521234543213")
    assert scan.fields["expiry"] == "2026-12-31"
    assert scan.fields.get("batch", "12345") in ("ABC123", "12345")


def test_gs1_production_and_best_before_dates_and_content_gtin():
    scan = c.classify("(02)09521234543213(11)260115(15)270115(10)B7")
    assert scan.kind is ScanKind.PRODUCT
    assert scan.fields["content_gtin"] == "09521234543213"
    assert scan.fields["production_date"] == "2026-01-15"
    assert scan.fields["best_before"] == "2027-01-15"


def test_an_sscc_is_a_shipping_label():
    scan = c.classify("]C100106141412345678908")  # GS1's SSCC example
    assert (scan.kind, scan.text, scan.carrier) == (
        ScanKind.TRACKING,
        "106141412345678908",
        "sscc",
    )


@pytest.mark.parametrize(
    "raw",
    [
        "]C1019521234543214",  # GTIN check digit wrong
        "]C1(01)x",
        "]d2" + "17" + "261399",  # no such month
        "]C100106141412345678909",  # SSCC check digit wrong
    ],
)
def test_broken_gs1_data_is_unknown_with_the_reason(raw: str):
    scan = c.classify(raw)
    assert scan.kind is ScanKind.UNKNOWN
    assert scan.problem


def test_a_gs_substitute_configured_for_the_scanner_becomes_gs():
    tilde = ScanClassifier(gs_substitute="~")
    scan = tilde.classify("]C1011234567890123110ABC123~17261231")
    assert scan.fields["batch"] == "ABC123"
    assert scan.fields["expiry"] == "2026-12-31"


def test_license_plates_carry_a_check_digit_that_catches_misreads():
    plate = license_plate(4711)
    assert c.classify(plate).kind is ScanKind.LICENSE_PLATE
    body = plate[2:]
    for i in range(len(body)):  # every single-digit error
        for d in "0123456789":
            if d != body[i]:
                wrong = "LP" + body[:i] + d + body[i + 1 :]
                assert c.classify(wrong).kind is ScanKind.UNKNOWN, wrong
    for i in range(len(body) - 1):  # every swap of neighbours
        if body[i] != body[i + 1]:
            swapped = "LP" + body[:i] + body[i + 1] + body[i] + body[i + 2 :]
            assert c.classify(swapped).kind is ScanKind.UNKNOWN, swapped


def test_a_number_that_passes_several_formats_keeps_every_reading():
    readings = kinds("036000291452")  # UPC-A, and a plausible order number
    assert (ScanKind.PRODUCT, "00036000291452", "") in readings
    assert (ScanKind.ORDER, "036000291452", "") in readings


def test_rma_and_order_patterns_are_configurable():
    custom = ScanClassifier.from_config(
        ScannerConfig(
            rma_pattern=r"R(?P<number>\d{8})",
            rma_format="RET{number}",
            order_pattern=r"SO-(?P<number>\d{6})",
        )
    )
    assert (custom.classify("R12345678").kind, custom.classify("R12345678").text) == (
        ScanKind.RMA,
        "RET12345678",
    )
    assert custom.classify("so-123456").text == "123456"
    assert custom.classify("SO-123456").kind is ScanKind.ORDER
    assert custom.classify("RMA-000123").kind is ScanKind.UNKNOWN


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ("", "empty"),
        ("   \r", "empty"),
        ("A" * 10_000, "longer"),
        ("RMA\x00001", "control"),
        (b"\xff\xfe", "not text"),
    ],
)
def test_unreadable_scans_come_back_unknown_with_the_reason(raw: str | bytes, why: str):
    scan = c.classify(raw)
    assert scan.kind is ScanKind.UNKNOWN
    assert why in scan.problem


def test_what_was_read_is_shown_with_control_characters_named():
    scan = c.classify("RMA\x00001")
    assert scan.raw == "RMA<00>001"


def test_a_configured_prefix_and_suffix_are_stripped():
    scan = ScanClassifier(prefix="]C0", suffix="#").classify("]C0RMA-000777#\r")
    assert scan.text == "RMA-000777"


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.text(max_size=300),
        st.binary(max_size=300),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=60),
        st.from_regex(r"\][A-Za-z][0-9](\(\d{2}\)[0-9A-Z]{0,20}|\d{0,40}|\x1d){0,4}"),
        st.sampled_from(["'; DROP TABLE rmas; --", "🧾📦", "\ud800", "\x1d\x1d", "]C1\x1d"]),
    )
)
def test_any_input_at_all_is_classified_never_an_exception(raw: str | bytes):
    scan = c.classify(raw)
    assert isinstance(scan.kind, ScanKind)
    assert scan.kind is ScanKind.UNKNOWN or not scan.problem
    assert len(scan.raw) <= 80


@pytest.mark.parametrize(
    "raw", ["]A000000000000000000000000000٠A", "٤٠٠٦٣٨١٣٣٣٩٣١", "RMA-٠٠٠١٢٣", "LP٠٠٠٠٠٠٠٠١٣"]
)
def test_digits_of_other_scripts_are_never_read_as_our_numbers(raw: str):
    assert c.classify(raw).kind is ScanKind.UNKNOWN
