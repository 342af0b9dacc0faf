"""A US-layout scanner on an AZERTY PC is recognised, and the station says how to fix it."""

from __future__ import annotations

import pytest

from receiving_station.domain.scan import WRONG_LAYOUT, ScanKind
from scanners.classifier import ScanClassifier
from scanners.keyboard_layout import typed_through_azerty, us_reading

# What an AZERTY PC shows when a scanner on its factory US layout reads these labels:
# the digit row unshifted (&é"'(-è_çà), '-' as ')', A as Q, M as '?', Z as W.
THROUGH_AZERTY = [
    ("R?Q)ààààà&", "RMA-000001"),
    ("BDG)&àà&", "BDG-1001"),
    ('&WE"S"Eé_é\'-é_&ç\'"', "1ZE3S3E28246281943"),  # a UPS number
    ('\'àà-"_&"""ç"&', "4006381333931"),  # an EAN-13
    ("?Q)&ééééé", "MA-122222"),
    ("LP&é\"'(-è_çé", "LP1234567892"),
]


@pytest.mark.parametrize(("typed", "meant"), THROUGH_AZERTY)
def test_a_label_typed_through_azerty_is_recognised_with_what_it_says(typed: str, meant: str):
    assert typed_through_azerty(typed)
    assert us_reading(typed) == meant


@pytest.mark.parametrize(
    "genuine",
    [
        "RMA-000001",
        "BDG-1001",
        "1ZE3S3E28246281943",
        "(01)09501101530003(17)271231(10)AB-123",
        "https://id.gs1.org/01/09506000134352/10/ABC",
        "CMD-DONE",
        "7000002",
        "#1001",
        "Colis sans étiquette",
        "O'Neil",
        "RR473124829GB",
    ],
)
def test_labels_read_through_the_right_layout_are_never_taken_for_it(genuine: str):
    assert not typed_through_azerty(genuine)


def test_the_classifier_refuses_it_with_the_layout_problem_and_keeps_what_it_says():
    scan = ScanClassifier().classify("R?Q)ààààà&")
    assert scan.kind is ScanKind.UNKNOWN
    assert not scan.readable
    assert scan.problem == WRONG_LAYOUT
    assert scan.fields["meant"] == "RMA-000001"
