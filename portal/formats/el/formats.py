"""Greek dates written out with the month in the genitive: "30 Ιουνίου 2017" (a month alone stays nominative)."""

DATE_FORMAT = "j E Y"
DATETIME_FORMAT = "j E Y, H:i"
MONTH_DAY_FORMAT = "j E"
