"""English dates as the network writes them ("5 March 2024", "5 March 2024, 14:30"), not Django's
American default ("March 5, 2024"). The other languages keep Django's own formats: "5 mars 2024",
"5. März 2024", "5 maart 2024", "5 de marzo de 2024"."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
