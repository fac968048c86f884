"""The site's Indonesian formats (FORMAT_MODULE_PATH): one style per kind of moment, as
the decrees write them. Templates use plain `|date` (a date), `|date:"DATETIME_FORMAT"`
(a moment) and `|time`; Python uses `django.utils.formats.date_format`."""

DATE_FORMAT = "j F Y"  # 3 Desember 2026
DATETIME_FORMAT = "j F Y, H.i"  # 3 Desember 2026, 05.49 (WITA is written by the caller)
TIME_FORMAT = "H.i"  # 05.49
SHORT_DATE_FORMAT = "d-m-Y"  # 03-12-2026
SHORT_DATETIME_FORMAT = "d-m-Y H.i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
FIRST_DAY_OF_WEEK = 1  # Monday
