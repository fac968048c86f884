import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from agencies.models import MembershipRole
from maklumat.models import Maklumat, MaklumatStatus, default_statements
from maklumat.selectors import (
    current_maklumat,
    draft_maklumat,
    has_set_maklumat,
    maklumat_history,
    with_maklumat_status,
)
from maklumat.services import maklumat_draft, maklumat_set
from tests.conftest import make_member

from .factories import MaklumatFactory, SetMaklumatFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


# --- drafting -------------------------------------------------------------------------


def test_first_draft_starts_from_the_default_wording(agency_a, drafter_a):
    draft = maklumat_draft(actor=drafter_a, agency=agency_a)
    assert draft.is_draft
    assert draft.version == 1
    assert draft.created_by == drafter_a
    for name, text in default_statements().items():
        assert getattr(draft, name) == text


def test_new_draft_copies_the_current_maklumat(agency_a, drafter_a):
    SetMaklumatFactory(
        agency=agency_a, version=1, statement_promise="sanggup melayani", compensation="maaf"
    )
    draft = maklumat_draft(actor=drafter_a, agency=agency_a)
    assert draft.version == 2
    assert draft.statement_promise == "sanggup melayani"
    assert draft.compensation == "maaf"
    assert draft.set_on is None and draft.head_name == ""


def test_drafting_again_edits_the_same_draft(agency_a, drafter_a, head_a):
    first = maklumat_draft(actor=drafter_a, agency=agency_a)
    second = maklumat_draft(
        actor=head_a, agency=agency_a, statement_promise="sanggup", revision=first.revision
    )
    assert second.pk == first.pk
    assert second.statement_promise == "sanggup"
    assert second.updated_by == head_a
    assert Maklumat.objects.filter(agency=agency_a).count() == 1


def test_stale_draft_edit_is_refused(agency_a, drafter_a, head_a):
    loaded = maklumat_draft(actor=drafter_a, agency=agency_a)
    maklumat_draft(actor=head_a, agency=agency_a, compensation="cetak ulang gratis")
    with pytest.raises(ValidationError) as raised:
        maklumat_draft(
            actor=drafter_a,
            agency=agency_a,
            compensation="antar ke rumah",
            revision=loaded.revision,
        )
    assert raised.value.code == "stale"
    assert draft_maklumat(agency_a).compensation == "cetak ulang gratis"


def test_draft_edit_validates_plain_text(agency_a, drafter_a):
    with pytest.raises(ValidationError):
        maklumat_draft(actor=drafter_a, agency=agency_a, statement_promise="sanggup\u202e")
    with pytest.raises(ValidationError):
        maklumat_draft(actor=drafter_a, agency=agency_a, statement_sanction="")
    assert not Maklumat.objects.exists()


@pytest.mark.parametrize(
    "persona,allowed",
    [
        ("drafter_a", True),
        ("head_a", True),
        ("drafter_b", False),
        ("head_b", False),
        ("reviewer", False),
        ("mayor_office", False),
        ("coordinator", False),
        ("secretariat", False),
        ("superuser", False),
        ("anonymous", False),
    ],
    indirect=["persona"],
)
def test_who_may_draft_the_maklumat(persona, allowed, agency_a):
    if allowed:
        assert maklumat_draft(actor=persona, agency=agency_a).is_draft
    else:
        with pytest.raises(PermissionDenied):
            maklumat_draft(actor=persona, agency=agency_a)
        assert not Maklumat.objects.exists()


def test_coordinator_drafts_for_a_district(district, coordinator):
    assert maklumat_draft(actor=coordinator, agency=district).is_draft


# --- setting --------------------------------------------------------------------------


@pytest.fixture
def draft_a(agency_a):
    return MaklumatFactory(agency=agency_a)


@pytest.mark.parametrize(
    "persona,allowed",
    [
        ("drafter_a", False),
        ("head_a", True),
        ("drafter_b", False),
        ("head_b", False),
        ("reviewer", False),
        ("mayor_office", False),
        ("coordinator", False),
        ("secretariat", False),
        ("superuser", False),
        ("anonymous", False),
    ],
    indirect=["persona"],
)
def test_only_the_agency_head_sets_the_maklumat(persona, allowed, draft_a):
    if allowed:
        maklumat = maklumat_set(actor=persona, maklumat=draft_a, set_on=TODAY())
        assert maklumat.status == MaklumatStatus.SET
    else:
        with pytest.raises(PermissionDenied):
            maklumat_set(actor=persona, maklumat=draft_a, set_on=TODAY())
        draft_a.refresh_from_db()
        assert draft_a.is_draft
        assert not has_set_maklumat(draft_a.agency)


def test_head_of_an_agency_decreed_by_the_mayor_sets_its_maklumat(district, mayor_office):
    # Pasal 14 ayat (1): Kepala Perangkat Daerah, even where the mayor sets the standards.
    camat = make_member(district, MembershipRole.HEAD, username="camat")
    draft = MaklumatFactory(agency=district)
    with pytest.raises(PermissionDenied):
        maklumat_set(actor=mayor_office, maklumat=draft, set_on=TODAY())
    maklumat = maklumat_set(actor=camat, maklumat=draft, set_on=TODAY())
    assert maklumat.is_current
    assert maklumat.head_title == "Camat Bontang Selatan"


def test_setting_keeps_the_date_the_head_and_a_snapshot(draft_a, head_a, agency_a):
    set_on = TODAY() - datetime.timedelta(days=3)
    maklumat = maklumat_set(actor=head_a, maklumat=draft_a, set_on=set_on)
    agency_a.head_name = "Nama Baru"
    agency_a.save()
    maklumat.refresh_from_db()
    assert maklumat.set_on == set_on
    assert maklumat.set_by == head_a
    assert maklumat.set_at is not None
    assert maklumat.place == "Bontang"
    assert maklumat.head_name == "Drs. Kepala Uji, M.Si."
    assert maklumat.head_rank == "Pembina Utama Muda (IV/c)"
    assert maklumat.head_nip == "197001011990031001"
    assert maklumat.head_title == "Kepala Dinas Kependudukan dan Pencatatan Sipil"
    assert maklumat.agency_name == agency_a.name


def test_head_without_agency_record_signs_with_own_name(draft_a, head_a, agency_a):
    agency_a.head_name = ""
    agency_a.save()
    head_a.first_name, head_a.last_name = "Ahmad", "Syarifuddin"
    head_a.save()
    maklumat = maklumat_set(actor=head_a, maklumat=draft_a, set_on=TODAY())
    assert maklumat.head_name == "Ahmad Syarifuddin"


def test_setting_replaces_the_previous_and_keeps_history(agency_a, head_a, drafter_a):
    first = maklumat_set(
        actor=head_a,
        maklumat=maklumat_draft(actor=drafter_a, agency=agency_a),
        set_on=TODAY() - datetime.timedelta(days=30),
    )
    second_draft = maklumat_draft(
        actor=drafter_a, agency=agency_a, compensation="cetak ulang gratis"
    )
    second = maklumat_set(actor=head_a, maklumat=second_draft, set_on=TODAY())
    first.refresh_from_db()
    assert first.status == MaklumatStatus.REPLACED
    assert first.replaced_at is not None
    assert first.set_on == TODAY() - datetime.timedelta(days=30)  # what it was, kept
    assert second.is_current and second.version == 2
    assert current_maklumat(agency_a) == second
    assert list(maklumat_history(agency_a)) == [second, first]
    assert {row.status for row in first.history.all()} == {"draft", "set", "replaced"}


def test_setting_twice_is_refused(draft_a, head_a):
    maklumat_set(actor=head_a, maklumat=draft_a, set_on=TODAY())
    with pytest.raises(ValidationError) as raised:
        maklumat_set(actor=head_a, maklumat=draft_a, set_on=TODAY())
    assert raised.value.code == "not_draft"
    assert Maklumat.objects.current().count() == 1


def test_set_date_may_not_be_in_the_future(draft_a, head_a):
    with pytest.raises(ValidationError) as raised:
        maklumat_set(actor=head_a, maklumat=draft_a, set_on=TODAY() + datetime.timedelta(days=1))
    assert raised.value.code == "future"
    draft_a.refresh_from_db()
    assert draft_a.is_draft


def test_set_date_may_not_precede_the_current_maklumat(agency_a, head_a):
    SetMaklumatFactory(agency=agency_a, set_on=TODAY())
    draft = MaklumatFactory(agency=agency_a)
    with pytest.raises(ValidationError) as raised:
        maklumat_set(actor=head_a, maklumat=draft, set_on=TODAY() - datetime.timedelta(days=1))
    assert raised.value.code == "before_current"
    assert current_maklumat(agency_a).version == 1


def test_draft_changed_after_the_head_read_it_is_not_set(draft_a, head_a, drafter_a):
    read = draft_a.revision
    maklumat_draft(actor=drafter_a, agency=draft_a.agency, compensation="maaf", revision=read)
    with pytest.raises(ValidationError) as raised:
        maklumat_set(actor=head_a, maklumat=draft_a, set_on=TODAY(), revision=read)
    assert raised.value.code == "stale"


def test_form_loaded_on_a_draft_set_since_is_stale(agency_a, drafter_a, head_a):
    loaded = maklumat_draft(actor=drafter_a, agency=agency_a, compensation="maaf")
    maklumat_set(actor=head_a, maklumat=loaded, set_on=TODAY())
    with pytest.raises(ValidationError):
        maklumat_draft(
            actor=drafter_a, agency=agency_a, compensation="lain", revision=loaded.revision
        )
    assert draft_maklumat(agency_a) is None


# --- selectors -------------------------------------------------------------------------


def test_has_set_maklumat(agency_a, agency_b, head_a):
    assert has_set_maklumat(agency_a) is False
    draft = MaklumatFactory(agency=agency_a)
    assert has_set_maklumat(agency_a) is False  # a draft is not enough (Pasal 14 ayat (1))
    maklumat_set(actor=head_a, maklumat=draft, set_on=TODAY())
    assert has_set_maklumat(agency_a) is True
    assert has_set_maklumat(agency_b) is False
    MaklumatFactory(agency=agency_a)  # a new draft does not unset the current one
    assert has_set_maklumat(agency_a) is True


def test_current_maklumat_is_none_without_one(agency_a):
    MaklumatFactory(agency=agency_a)
    assert current_maklumat(agency_a) is None


def test_agencies_annotated_with_their_maklumat_status(agency_a, agency_b, district):
    SetMaklumatFactory(agency=agency_a)
    MaklumatFactory(agency=agency_b)
    from agencies.models import Agency

    rows = {
        a.slug: (a.has_set_maklumat, a.has_maklumat_draft)
        for a in with_maklumat_status(Agency.objects.all())
    }
    assert rows["disdukcapil"] == (True, False)
    assert rows["dlh"] == (False, True)
    assert rows[district.slug] == (False, False)


def test_history_names_who_drafted_and_set(agency_a, drafter_a, head_a):
    draft = maklumat_draft(actor=drafter_a, agency=agency_a)
    maklumat_set(actor=head_a, maklumat=draft, set_on=TODAY())
    users = [row.history_user for row in draft.history.order_by("history_id")]
    assert users == [drafter_a, head_a]


def test_setting_a_maklumat_refreshes_the_cached_portal(
    head_a, agency_a, django_capture_on_commit_callbacks
):
    from agencies.published import forget_generation, portal_generation
    from maklumat.services import maklumat_draft, maklumat_set

    forget_generation()
    before = portal_generation()
    draft = maklumat_draft(actor=head_a, agency=agency_a)
    with django_capture_on_commit_callbacks(execute=True):
        maklumat_set(actor=head_a, maklumat=draft, set_on=draft.created_at.date())
    assert portal_generation() > before
