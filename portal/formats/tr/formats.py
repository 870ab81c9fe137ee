"""Turkish dates without a leading zero on the day: "30 Haziran 2017", "5 Haziran 2017"."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y H:i"
MONTH_DAY_FORMAT = "j F"
