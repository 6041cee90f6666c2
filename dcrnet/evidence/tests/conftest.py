import pytest

from .factories import make_reference


@pytest.fixture
def library(db):
    """A small library with overlapping words, designs and outcomes."""
    return {
        "marshall": make_reference(
            "Reduction in overdose mortality after the opening of North America's first "
            "medically supervised safer injecting facility",
            2011,
            authors=["Marshall BDL", "Milloy MJ", "Wood E", "Montaner JSG", "Kerr T"],
            terms=["design:ECO", "outcome:ODM"],
            container_title="Lancet",
            volume="377",
            issue="9775",
            page="1429-1437",
            doi="10.1016/S0140-6736(10)62353-7",
            keywords="Insite; Vancouver",
        ),
        "potier": make_reference(
            "Supervised injection services: what has been demonstrated? "
            "A systematic literature review",
            2014,
            authors=["Potièr C", "Laprévote V"],
            terms=["design:SR", "outcome:ODM", "outcome:HIV"],
            container_title="Drug Alcohol Depend",
            doi="10.1016/j.drugalcdep.2014.10.012",
        ),
        "kennedy": make_reference(
            "Supervised injection facility use and all-cause mortality among people "
            "who inject drugs",
            2019,
            authors=["Kennedy MC", "Kerr T"],
            terms=["design:COH", "outcome:ACM"],
            container_title="PLoS Med",
            keywords="Insite",
        ),
        "freeman": make_reference(
            "The impact of the Sydney Medically Supervised Injecting Centre on crime",
            2005,
            authors=["Freeman K"],
            terms=["design:ECO", "outcome:CRIME", "outcome:PUB"],
            abstract="Crime and loitering did not increase around the centre.",
        ),
        "emcdda": make_reference(
            "European report on drug consumption rooms",
            2004,
            authors=["{EMCDDA}"],
            csl_type="report",
            terms=["design:NR"],
            publisher="EMCDDA",
        ),
    }


@pytest.fixture(autouse=True)
def vocabularies(request):
    """The seed vocabularies come from a data migration, which a transactional test (a browser
    test, anyone's) flushes away: put them back for every test that uses the database."""
    names = request.fixturenames
    if "transactional_db" in names or "live_server" in names:
        request.getfixturevalue("transactional_db")
    elif "db" in names or request.node.get_closest_marker("django_db"):
        request.getfixturevalue("db")
    else:
        return
    from dcrnet.evidence.models import Term
    from dcrnet.evidence.vocabularies import seed

    seed(Term)
