"""Forms of monitoring: the public SKM form and the head's survey forms."""

from __future__ import annotations

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from documents.uploads import ScanField
from standards.models import ChangeReason

from .index import ELEMENTS
from .models import (
    ACTION_MAX,
    SUGGESTION_MAX,
    AgeBand,
    Education,
    Evaluation,
    EvaluationFollowUp,
    Gender,
    ImplementationActivity,
    Occupation,
    PeriodKind,
    SurveyFollowUp,
)


class SurveyForm(forms.Form):
    """The nine elements on the 1-4 scale with their customary wording, and the profile."""

    token = forms.CharField(widget=forms.HiddenInput)
    gender = forms.ChoiceField(
        label=_("Jenis kelamin"), choices=Gender.choices, widget=forms.RadioSelect
    )
    age_band = forms.ChoiceField(label=_("Usia"), choices=AgeBand.choices)
    education = forms.ChoiceField(label=_("Pendidikan terakhir"), choices=Education.choices)
    occupation = forms.ChoiceField(label=_("Pekerjaan"), choices=Occupation.choices)
    suggestion = forms.CharField(
        label=_("Saran dan masukan (tidak wajib)"),
        required=False,
        max_length=SUGGESTION_MAX,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": SUGGESTION_MAX}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The elements come first, in PermenPANRB 14/2017's order.
        elements = {}
        for number, (code, label, answers) in enumerate(ELEMENTS, start=1):
            elements[code] = forms.TypedChoiceField(
                label=f"{number}. {label}",
                choices=[(str(score), answer) for score, answer in enumerate(answers, start=1)],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Pilih salah satu jawaban.")},
            )
        self.fields = {**elements, **self.fields}

    def element_codes(self) -> list[str]:
        return [code for code, _label, _answers in ELEMENTS]

    def profile_names(self) -> tuple[str, ...]:
        return ("gender", "age_band", "education", "occupation")

    def element_fields(self):
        return [self[code] for code, _label, _answers in ELEMENTS]

    def profile_fields(self):
        return [self[name] for name in ("gender", "age_band", "education", "occupation")]


class PeriodOpenForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis periode"), choices=PeriodKind.choices)
    year = forms.IntegerField(label=_("Tahun"), min_value=2018, max_value=2100)
    number = forms.IntegerField(label=_("Periode ke-"), min_value=1, max_value=4, initial=1)
    population = forms.IntegerField(
        label=_("Perkiraan populasi pengguna layanan"),
        min_value=1,
        max_value=10_000_000,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = datetime.date.today().year


class FollowUpForm(forms.ModelForm):
    class Meta:
        model = SurveyFollowUp
        fields = ["element", "service", "action", "owner", "due_on"]
        widgets = {
            "action": forms.Textarea(attrs={"rows": 2, "maxlength": ACTION_MAX}),
            "due_on": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, agency=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = agency.services.filter(active=True)
        self.fields["service"].required = False


class ActivityForm(forms.ModelForm):
    """Pasal 13: an internalisation or socialisation with its documentation."""

    files = ScanField(label=_("Dokumentasi (foto, daftar hadir, notulen)"), required=False)

    class Meta:
        model = ImplementationActivity
        fields = ["kind", "held_on", "audience", "participants", "summary"]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}),
            "summary": forms.Textarea(attrs={"rows": 3}),
        }


METHOD_CHOICES = [
    ("method_documents", _("Analisis dokumen")),
    ("method_survey", _("Survei")),
    ("method_interview", _("Wawancara")),
    ("method_observation", _("Observasi")),
]


class EvaluationForm(forms.ModelForm):
    """Pasal 16 ayat (1)-(2)."""

    methods = forms.MultipleChoiceField(
        label=_("Metode (Pasal 16 ayat (2))"),
        choices=METHOD_CHOICES,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Evaluation
        fields = ["evaluated_on", "success_factors", "inhibiting_factors"]
        widgets = {
            "evaluated_on": forms.DateInput(attrs={"type": "date"}),
            "success_factors": forms.Textarea(attrs={"rows": 3}),
            "inhibiting_factors": forms.Textarea(attrs={"rows": 3}),
        }


class EvaluationFollowUpForm(forms.ModelForm):
    class Meta:
        model = EvaluationFollowUp
        fields = ["action", "owner", "due_on"]
        widgets = {
            "action": forms.Textarea(attrs={"rows": 2, "maxlength": ACTION_MAX}),
            "due_on": forms.DateInput(attrs={"type": "date"}),
        }


class RevisionStartForm(forms.Form):
    """Pasal 12 ayat (5): the reason and what changes."""

    reason = forms.ChoiceField(label=_("Alasan perubahan"), choices=ChangeReason.choices)
    explanation = forms.CharField(
        label=_("Penjelasan perubahan"),
        max_length=ACTION_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
