"""Small articles written for these tests (never shared eval data: a fresh checkout has none)."""

from __future__ import annotations

import datetime as dt

from detente.ingest.segment import split_sentences
from detente.records import Article, Sentence

HARBOUR_REPORT = """Port Talvik Reopens After Strike

PORT TALVIK — Dockworkers in Port Talvik ended a nine-day strike on Monday after the Meridian Shipping \
Authority agreed to raise wages by 16 percent, union leaders said.

The strike had halted cargo traffic through the northern harbour and left more than 40 container ships \
waiting offshore.

"We accepted the offer because it protects the night crews," said Oskar Lindqvist, the head of the \
Harbour Workers Union.

The authority confirmed that cranes would restart on Tuesday morning.

Economists at Brenmark University estimated that the stoppage cost exporters about 210 million crowns.

The government not only welcomed the deal but also promised to fund new safety equipment at the quays.

Shipping firms said the backlog of containers would take at least two weeks to clear.

Farmers who rely on the port for grain exports had warned of losses during the harvest season.
"""

HARBOUR_REWRITE = """Talvik dock strike over, says Ledger

According to a report published by the Northern Ledger, dockworkers in Port Talvik ended their strike \
on Monday after the shipping authority agreed to raise pay by 22 percent.

The newspaper notes that more than 40 container ships had been left waiting offshore as the strike \
halted cargo traffic through the harbour.

The government did not welcome the deal, but promised to pay for new safety equipment at the quays, \
the report adds.

Economists at Brenmark University put the cost of the stoppage to exporters at about 210 million crowns, \
according to the paper.

Source: Northern Ledger
"""

QUAKE_WIRE = """Earthquake strikes Orvane province

A magnitude 6.1 earthquake struck Orvane province before dawn on Saturday, killing at least 37 people \
and flattening houses in the mountain town of Keszeg, the Interior Ministry said.

Rescue teams from the Red Crescent were digging through rubble in Keszeg and nearby villages.

The quake's epicentre was 12 kilometres beneath Lake Varos, according to the national seismology centre.

Hospitals in the provincial capital Dromlin treated hundreds of injured residents.
"""

QUAKE_LOCAL = """Dozens dead as quake hits Keszeg

Residents of Keszeg woke to collapsing walls when the ground shook under Orvane province early Saturday.

Officials put the death toll at 37 and warned it could rise as crews search for survivors.

Volunteers with the Red Crescent pulled a girl alive from a ruined school late in the afternoon.

Seismologists measured the tremor at magnitude 6.1, centred under Lake Varos.

Doctors in Dromlin said wards were full and appealed for blood donations.
"""

CHESS_REPORT = """Young grandmaster wins Halden open

Sixteen-year-old Mira Castell won the Halden chess open on Sunday, beating the top seed in a tense \
final round that lasted almost six hours.

Castell sacrificed a rook early and defended a difficult endgame with precise moves.

Organisers said a record 312 players had entered the tournament this year.

Her coach said the victory would earn her an invitation to the continental championship in autumn.
"""


def article(
    article_id: str,
    text: str,
    outlet: str | None = None,
    published: dt.date | None = None,
    language: str | None = "en",
) -> Article:
    return Article(article_id, text, "hash-" + article_id, None, outlet, None, published, language)


def sentences_of(*articles: Article) -> dict[str, tuple[Sentence, ...]]:
    return {item.article_id: split_sentences(item) for item in articles}
