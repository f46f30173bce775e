"""Disaggregations as a reader names them: the store's dimension columns and their codes, and
the kinds of geography, through the catalog (``lang``). Codes not listed show as the code."""

from __future__ import annotations

from sdg16.core.i18n import N_, gettext

CODE_LABELS = {"BOTHSEX": N_("Both sexes"), "FEMALE": N_("Female"), "MALE": N_("Male")}
CODE_LABELS |= {"ALLAGE": N_("All ages"), "_T": N_("Total"), "ALLAREA": N_("All areas")}
CODE_LABELS |= {"URBAN": N_("Urban"), "RURAL": N_("Rural")}
CODE_LABELS |= {"_X": N_("Not applicable"), "_U": N_("Unknown"), "_O": N_("Other")}
# The store's disaggregation columns, as a reader names them.
DIM_LABELS = {
    "sex": N_("Sex"), "age": N_("Age"), "cause_of_death": N_("Cause of death"),
    "disability_status": N_("Disability status"), "education_level": N_("Education level"),
    "grounds_of_discrimination": N_("Grounds of discrimination"),
    "illicit_financial_flows": N_("Illicit financial flows"), "location": N_("Location"),
    "name_of_international_institution": N_("International institution"),
    "observation_status": N_("Observation status"),
    "parliamentary_committees": N_("Parliamentary committee"),
    "population_group": N_("Population group"), "quantile": N_("Quantile"),
    "service_attribute": N_("Service attribute"), "type_of_occupation": N_("Occupation"),
}  # fmt: skip
KIND_LABELS = {
    "country": N_("country"),
    "aggregate": N_("aggregate"),
    "subnational": N_("subnational"),
}


def dim_label(dim: str, lang: str = "en") -> str:
    """``sex`` -> "Sex" / "Sexo"; an unlisted column keeps its name, made readable."""
    if dim in DIM_LABELS:
        return gettext(lang, DIM_LABELS[dim])
    return dim.replace("_", " ").capitalize()


def code_label(code: str, lang: str = "en") -> str:
    """``BOTHSEX`` -> "Both sexes" / "Ambos sexos"; age bands and other codes stay as written."""
    return gettext(lang, CODE_LABELS[code]) if code in CODE_LABELS else code


def kind_label(kind: str, lang: str = "en") -> str:
    return gettext(lang, KIND_LABELS[kind]) if kind in KIND_LABELS else kind
