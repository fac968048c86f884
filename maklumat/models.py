"""The Maklumat Pelayanan of each agency (Pasal 1 angka 10, Pasal 14).

One Maklumat per agency is current (set and not replaced); earlier versions stay as
`replaced`, and at most one draft is being prepared. Only `maklumat.services` assigns
`status`, the set date and the head's snapshot.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agencies.models import Agency, AgencyKind
from bontang_sp.states import Move, StateTable
from bontang_sp.validators import validate_plain_text

# A statement is one clause of a one-page poster: long enough for real wording,
# short enough that the A4 poster never spills onto a second page.
STATEMENT_MAX = 400
COMPENSATION_MAX = 400
PLACE_DEFAULT = "Bontang"

# Pasal 14 ayat (2) huruf a-c, written as clauses that complete
# "Dengan ini, kami menyatakan ...", so that they read both as three points and as the
# one paragraph in capitals agencies put on their posters.
DEFAULT_STATEMENT_PROMISE = _(
    "sanggup menyelenggarakan pelayanan sesuai dengan Standar Pelayanan yang telah ditetapkan"
)
DEFAULT_STATEMENT_OBLIGATION = _(
    "memberikan pelayanan sesuai dengan kewajiban dan akan melakukan perbaikan secara terus-menerus"
)
DEFAULT_STATEMENT_SANCTION = _(
    "bersedia menerima sanksi dan/atau memberikan kompensasi sesuai dengan peraturan "
    "perundang-undangan apabila pelayanan yang diberikan tidak sesuai dengan Standar "
    "Pelayanan"
)


# What drafters and the head edit; everything else is set by the services.
DRAFT_EDITABLE_FIELDS = (
    "statement_promise",
    "statement_obligation",
    "statement_sanction",
    "compensation",
    "layout",
)


def statement_validators():
    return [validate_plain_text, MaxLengthValidator(STATEMENT_MAX)]


def default_statements() -> dict[str, str]:
    """The three statements of Pasal 14 ayat (2), as a new agency's first draft."""
    return {
        "statement_promise": str(DEFAULT_STATEMENT_PROMISE),
        "statement_obligation": str(DEFAULT_STATEMENT_OBLIGATION),
        "statement_sanction": str(DEFAULT_STATEMENT_SANCTION),
    }


def _replace_prefix(name: str, prefix: str, title: str) -> str | None:
    if name.lower().startswith(prefix.lower()):
        return f"{title}{name[len(prefix) :]}"
    return None


def agency_head_title(agency: Agency) -> str:
    """How the head signs: "Kepala Dinas ...", "Camat ...", "Lurah ...", "Direktur ..."."""
    name = agency.name.strip()
    kind = agency.kind
    if kind == AgencyKind.DISTRICT:
        return _replace_prefix(name, "Kecamatan ", "Camat ") or f"Camat {name}"
    if kind == AgencyKind.VILLAGE:
        return _replace_prefix(name, "Kelurahan ", "Lurah ") or f"Lurah {name}"
    if kind == AgencyKind.HOSPITAL:
        return f"Direktur {name}"
    if kind in (AgencyKind.REGIONAL_SECRETARIAT, AgencyKind.COUNCIL_SECRETARIAT):
        return _replace_prefix(name, "Sekretariat ", "Sekretaris ") or f"Kepala {name}"
    if kind == AgencyKind.INSPECTORATE:
        return _replace_prefix(name, "Inspektorat", "Inspektur") or f"Kepala {name}"
    return f"Kepala {name}"


class MaklumatStatus(models.TextChoices):
    DRAFT = "draft", _("Rancangan")
    SET = "set", _("Ditetapkan (berlaku)")
    REPLACED = "replaced", _("Digantikan")


_M = MaklumatStatus
# Pasal 14: a draft is set by the head; setting the next one replaces the one in force.
MAKLUMAT_MOVES = StateTable(
    Move("set", (_M.DRAFT,), _M.SET, _("Maklumat ini sudah ditetapkan."), "not_draft"),
    Move(
        "replace", (_M.SET,), _M.REPLACED, _("Hanya Maklumat yang berlaku yang dapat digantikan.")
    ),
)
MAKLUMAT_ORDER = (_M.DRAFT, _M.SET, _M.REPLACED)


class MaklumatLayout(models.TextChoices):
    PARAGRAPH = "paragraph", _("Satu paragraf berhuruf kapital")
    POINTS = "points", _("Tiga butir pernyataan")


class MaklumatQuerySet(models.QuerySet):
    def current(self) -> MaklumatQuerySet:
        return self.filter(status=MaklumatStatus.SET)

    def drafts(self) -> MaklumatQuerySet:
        return self.filter(status=MaklumatStatus.DRAFT)

    def was_set(self) -> MaklumatQuerySet:
        """The versions ever set: the current one and those it replaced."""
        return self.exclude(status=MaklumatStatus.DRAFT)


class Maklumat(models.Model):
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("Perangkat Daerah"),
        on_delete=models.PROTECT,
        related_name="maklumat_versions",
    )
    version = models.PositiveIntegerField(_("versi"), editable=False)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MaklumatStatus.choices,
        default=MaklumatStatus.DRAFT,
        editable=False,
    )
    # Pasal 14 ayat (2)
    statement_promise = models.TextField(
        _("pernyataan janji dan kesanggupan"),
        validators=statement_validators(),
        help_text=_(
            "Pasal 14 ayat (2) huruf a: janji dan kesanggupan melaksanakan pelayanan sesuai "
            "Standar Pelayanan."
        ),
    )
    statement_obligation = models.TextField(
        _("pernyataan kewajiban dan perbaikan"),
        validators=statement_validators(),
        help_text=_(
            "Pasal 14 ayat (2) huruf b: memberikan pelayanan sesuai kewajiban dan melakukan "
            "perbaikan secara terus-menerus."
        ),
    )
    statement_sanction = models.TextField(
        _("pernyataan kesediaan menerima sanksi/memberi kompensasi"),
        validators=statement_validators(),
        help_text=_(
            "Pasal 14 ayat (2) huruf c: bersedia menerima sanksi dan/atau memberikan "
            "kompensasi apabila pelayanan tidak sesuai Standar Pelayanan."
        ),
    )
    compensation = models.TextField(
        _("bentuk kompensasi"),
        blank=True,
        validators=[validate_plain_text, MaxLengthValidator(COMPENSATION_MAX)],
        help_text=_(
            "Opsional: kompensasi yang nyata, misalnya cetak ulang gratis, pengantaran ke "
            "rumah, atau permohonan maaf atas keterlambatan."
        ),
    )
    layout = models.CharField(
        _("bentuk penulisan pada poster"),
        max_length=20,
        choices=MaklumatLayout.choices,
        default=MaklumatLayout.PARAGRAPH,
    )
    place = models.CharField(
        _("tempat penetapan"), max_length=100, default=PLACE_DEFAULT, editable=False
    )
    set_on = models.DateField(_("tanggal penetapan"), null=True, blank=True, editable=False)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditetapkan oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    set_at = models.DateTimeField(_("waktu penetapan"), null=True, blank=True, editable=False)
    replaced_at = models.DateTimeField(_("waktu digantikan"), null=True, blank=True, editable=False)
    # Copied from the agency when set: the Maklumat keeps the name of whoever signed it.
    agency_name = models.CharField(_("nama Perangkat Daerah"), max_length=200, blank=True)
    head_title = models.CharField(_("jabatan kepala"), max_length=250, blank=True)
    head_name = models.CharField(_("nama kepala"), max_length=150, blank=True)
    head_rank = models.CharField(_("pangkat/golongan kepala"), max_length=100, blank=True)
    head_nip = models.CharField(_("NIP kepala"), max_length=18, blank=True)
    # Guards concurrent edits of the draft (see services.maklumat_draft).
    revision = models.PositiveIntegerField(_("revisi"), default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diubah oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)
    history = HistoricalRecords()

    objects = MaklumatQuerySet.as_manager()

    class Meta:
        verbose_name = _("Maklumat Pelayanan")
        verbose_name_plural = _("Maklumat Pelayanan")
        ordering = ["agency_id", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "version"], name="maklumat_unique_version"),
            # Pasal 14: one Maklumat in force per agency, one being prepared.
            models.UniqueConstraint(
                fields=["agency"], condition=Q(status="set"), name="maklumat_one_current"
            ),
            models.UniqueConstraint(
                fields=["agency"], condition=Q(status="draft"), name="maklumat_one_draft"
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="maklumat_version_positive"),
            # A Maklumat that was set has its date; a draft has none.
            models.CheckConstraint(
                condition=(Q(status="draft") & Q(set_on__isnull=True))
                | (Q(status__in=["set", "replaced"]) & Q(set_on__isnull=False)),
                name="maklumat_set_on_matches_status",
            ),
        ]

    def __str__(self) -> str:
        return f"Maklumat Pelayanan {self.agency} (versi {self.version})"

    @property
    def is_draft(self) -> bool:
        return self.status == MaklumatStatus.DRAFT

    @property
    def is_current(self) -> bool:
        return self.status == MaklumatStatus.SET

    @property
    def statements(self) -> list[str]:
        """The three statements of Pasal 14 ayat (2), in order a, b, c."""
        return [self.statement_promise, self.statement_obligation, self.statement_sanction]

    @property
    def composed_paragraph(self) -> str:
        """The one paragraph in capitals, as agencies write their Maklumat (plain text)."""
        clauses = [_clause(text) for text in self.statements]
        clauses = [clause for clause in clauses if clause]
        if not clauses:
            return ""
        if len(clauses) > 1:
            body = ", ".join(clauses[:-1]) + ", " + gettext("dan") + " " + clauses[-1]
        else:
            body = clauses[0]
        return (gettext("Dengan ini, kami menyatakan") + " " + body + ".").upper()

    @property
    def statement_points(self) -> list[str]:
        """The statements as points a, b, c completing "Dengan ini, kami menyatakan:"."""
        clauses = [_clause(text) for text in self.statements]
        endings = [";", "; " + gettext("dan"), "."]
        return [clause + ending for clause, ending in zip(clauses, endings, strict=True)]

    # The signature block: the snapshot once set; a draft shows the agency's head today.
    @property
    def signer_title(self) -> str:
        return self.head_title if not self.is_draft else agency_head_title(self.agency)

    @property
    def signer_name(self) -> str:
        return self.head_name if not self.is_draft else self.agency.head_name

    @property
    def signer_rank(self) -> str:
        return self.head_rank if not self.is_draft else self.agency.head_rank

    @property
    def signer_nip(self) -> str:
        return self.head_nip if not self.is_draft else self.agency.head_nip


def _clause(text: str) -> str:
    """A statement as a clause of the composed paragraph: no trailing stop, no 'kami'."""
    clause = " ".join(text.split()).rstrip(" .;,")
    for lead in ("kami menyatakan ", "kami "):
        if clause.lower().startswith(lead):
            clause = clause[len(lead) :]
            break
    return clause
