"""The scorer (socialkg.evaluation) on tiny hand-made corpora.

The extract function here is a fake that returns fixed extractions: these tests check
the scorer's arithmetic and matching rules only. The real extractor is tested elsewhere.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from socialkg.errors import ExtractionError, SourceError
from socialkg.evaluation import Score, evaluate_corpus, find_documents, fold, match_items, score_document
from socialkg.model import Affiliation, Article, Cooperation, Event, Extraction, Organisation, Person, Project

TEXT_A = "Miejski Ośrodek Pomocy Społecznej w Kaliszu i fundacja „Z Godnością” prowadzą projekt. Dyrektor ośrodka mówiła o nim."
TEXT_B = "MOPS w Kaliszu współpracuje z Powiatowym Urzędem Pracy w Kaliszu od wielu lat. Tak mówią pracownicy."


def org(id: str, name: str, aliases=(), type="social-welfare-centre", place=None, key=None) -> dict:
    return {"id": id, "name": name, "aliases": list(aliases), "type": type, "place": place, "part_of": None}


def gold_doc(doc: str, **parts) -> dict:
    base = {"doc": doc, "lang": "pl", "published": None, "organisations": [], "persons": [], "events": [],
            "projects": [], "cooperations": []}
    base.update(parts)
    return base


GOLD_A = gold_doc(
    "a",
    organisations=[
        org("o1", "Miejski Ośrodek Pomocy Społecznej w Kaliszu", ["MOPS w Kaliszu", "MOPS"], place="Kalisz"),
        org("o2", "Fundacja „Z Godnością”", ["fundacja „Z Godnością”"], type="ngo", place="Kalisz"),
        org("o3", "Sąd Rejonowy w Kaliszu", ["Sądu Rejonowego w Kaliszu"], type="court", place="Kalisz"),
    ],
    persons=[
        {"id": "p1", "name": "Eugenia Jahura", "affiliations": [{"org": "o1", "role": "dyrektor"}]},
        {"id": "p2", "name": "Anna Zdunek", "affiliations": [{"org": "o3", "role": None}]},
    ],
    events=[{"id": "e1", "name": "Konferencja o współpracy", "aliases": ["konferencja"], "type": "conference",
             "date": None, "end_date": None, "place": "Kalisz", "venue": None, "organisers": ["o1"],
             "participants": [], "speakers": []}],
    projects=[{"id": "j1", "name": "Równi na starcie", "aliases": [], "leads": ["o1"], "partners": ["o2"],
               "funding": [], "budget": None}],
    cooperations=[{"a": "o1", "b": "o2", "basis": "project", "evidence": "..."},
                  {"a": "o1", "b": "o3", "basis": "stated", "evidence": "..."}],
)
GOLD_B = gold_doc(
    "b",
    organisations=[
        org("o1", "Miejski Ośrodek Pomocy Społecznej w Kaliszu", ["MOPS w Kaliszu"], place="Kalisz"),
        org("o2", "Powiatowy Urząd Pracy w Kaliszu", ["Powiatowym Urzędem Pracy w Kaliszu"], type="labour-office",
            place="Kalisz"),
    ],
    cooperations=[{"a": "o2", "b": "o1", "basis": "stated", "evidence": "..."}],
)


def perfect(gold: dict) -> Extraction:
    """The gold itself as an Extraction (what a perfect extractor would return)."""
    return Extraction(
        doc=gold["doc"], lang=gold["lang"], published=gold["published"],
        organisations=[Organisation(id=o["id"], name=o["name"], aliases=o["aliases"], type=o["type"],
                                    place=o["place"]) for o in gold["organisations"]],
        persons=[Person(id=p["id"], name=p["name"],
                        affiliations=[Affiliation(org=a["org"], role=a["role"]) for a in p["affiliations"]])
                 for p in gold["persons"]],
        events=[Event(id=e["id"], name=e["name"], aliases=e["aliases"], type=e["type"]) for e in gold["events"]],
        projects=[Project(id=j["id"], name=j["name"], aliases=j["aliases"]) for j in gold["projects"]],
        cooperations=[Cooperation(a=c["a"], b=c["b"], basis=c["basis"], evidence=c["evidence"])
                      for c in gold["cooperations"]],
    )


def make_corpus(root: Path, docs: dict[str, tuple[dict, str]], layout: str = "texts") -> Path:
    (root / "gold").mkdir(parents=True)
    for name, (gold, text) in docs.items():
        (root / "gold" / f"{name}.json").write_text(json.dumps(gold, ensure_ascii=False), "utf-8")
        folder = root / ("texts" if layout == "texts" else "pl")
        folder.mkdir(exist_ok=True)
        (folder / f"{name}.txt").write_text(text, "utf-8")
    return root


def fake(extractions: dict[str, Extraction]):
    def extract_fn(article: Article) -> Extraction:
        return extractions[article.doc]
    return extract_fn


# ------------------------------------------------------------------------------ matching


def test_fold_ignores_case_quotes_and_spaces() -> None:
    assert fold("  Fundacja „Z  Godnością” ") == fold('fundacja "z godnością"') == "fundacja z godnością"
    assert fold("»Maják«") == "maják"


def test_match_is_one_to_one_and_prefers_exact_names() -> None:
    gold = [org("o1", "Miejski Ośrodek Pomocy Społecznej w Kaliszu", ["MOPS"]), org("o2", "MOPS w Kutnie", ["MOPS"])]
    predicted = [org("x1", "MOPS"), org("x2", "MOPS w Kutnie", ["MOPS"]), org("x3", "mops")]
    pairs = match_items(gold, predicted)
    assert pairs[1] == 1  # exact name = name wins over the shared alias
    assert pairs[0] == 0  # the other "MOPS" takes the remaining gold item
    assert 2 not in pairs  # one-to-one: the third prediction is a false alarm


def test_perfect_extraction_scores_one(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "c", {"a": (GOLD_A, TEXT_A), "b": (GOLD_B, TEXT_B)})
    report = evaluate_corpus(corpus, extract_fn=fake({"a": perfect(GOLD_A), "b": perfect(GOLD_B)}))
    for cat, score in report.totals.items():
        assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0), cat
    assert report.canonical_name.value == 1.0 and report.org_type.value == 1.0
    assert report.totals["organisations"].tp == 5 and report.totals["cooperations"].tp == 3
    assert report.bodies_in_several_documents == 1  # MOPS Kalisz in a and b
    assert not report.split_bodies and not report.merged_nodes


def test_arithmetic_aliases_names_types_affiliations_and_cooperations() -> None:
    predicted = perfect(GOLD_A).to_gold()
    orgs = predicted["organisations"]
    orgs[0].update(name="MOPS w Kaliszu", aliases=[])  # matched through an alias, wrong canonical name
    orgs[1].update(name='fundacja "Z Godnością"', type="other")  # quotes folded: name right, type wrong
    orgs.pop(2)  # the court is missed ...
    orgs.append(org("o9", "Urząd Miasta Kalisza", type="local-government"))  # ... and a false alarm added
    predicted["persons"][1]["affiliations"] = [{"org": "o9", "role": None}]  # affiliation to the false org
    predicted["persons"][0]["affiliations"][0]["role"] = "kierownik"  # pair right, role wrong
    predicted["cooperations"] = [
        {"a": "o2", "b": "o1", "basis": "agreement", "evidence": "."},  # reversed pair still matches
        {"a": "o1", "b": "o9", "basis": "co-participation", "evidence": "."},  # not a cooperation claim
        {"a": "o1", "b": "o9", "basis": "stated", "evidence": "."},  # false alarm
    ]
    result = score_document(GOLD_A, predicted)
    s = result.scores
    assert (s["organisations"].tp, s["organisations"].fp, s["organisations"].fn) == (2, 1, 1)
    assert s["organisations"].precision == pytest.approx(2 / 3) and s["organisations"].recall == pytest.approx(2 / 3)
    assert (s["persons"].tp, s["persons"].fp, s["persons"].fn) == (2, 0, 0)
    assert (s["affiliations"].tp, s["affiliations"].fp, s["affiliations"].fn) == (1, 1, 1)
    assert (s["cooperations"].tp, s["cooperations"].fp, s["cooperations"].fn) == (1, 1, 1)
    assert (result.canonical_name.right, result.canonical_name.total) == (1, 2)
    assert result.wrong_names == [("MOPS w Kaliszu", "Miejski Ośrodek Pomocy Społecznej w Kaliszu")]
    assert result.wrong_types == [("Fundacja „Z Godnością”", "other", "ngo")]
    assert (result.role.right, result.role.total) == (0, 1)
    assert (result.basis.right, result.basis.total) == (0, 1)
    assert result.missed["organisations"] == ["Sąd Rejonowy w Kaliszu"]
    assert result.false_alarms["organisations"] == ["Urząd Miasta Kalisza"]
    assert result.missed["cooperations"] == ["Miejski Ośrodek Pomocy Społecznej w Kaliszu <-> Sąd Rejonowy w Kaliszu"]
    assert result.false_alarms["affiliations"] == ["Anna Zdunek -> Urząd Miasta Kalisza"]


def test_micro_average_sums_counts_over_documents(tmp_path: Path) -> None:
    # a: perfect; b: finds nothing -> organisations tp 3, fp 0, fn 2 overall.
    corpus = make_corpus(tmp_path / "c", {"a": (GOLD_A, TEXT_A), "b": (GOLD_B, TEXT_B)})
    empty_b = Extraction(doc="b", lang="pl", published=None)
    report = evaluate_corpus(corpus, extract_fn=fake({"a": perfect(GOLD_A), "b": empty_b}))
    s = report.totals["organisations"]
    assert (s.tp, s.fp, s.fn) == (3, 0, 2)
    assert s.precision == 1.0 and s.recall == pytest.approx(0.6) and s.f1 == pytest.approx(0.75)


def test_empty_categories_are_undefined_not_perfect() -> None:
    assert Score().f1 is None and Score(fn=3).f1 == 0.0 and Score(fp=2).precision == 0.0


# ------------------------------------------------------------------- across documents


def test_split_and_merged_nodes(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "c", {"a": (GOLD_A, TEXT_A), "b": (GOLD_B, TEXT_B)})
    a, b = perfect(GOLD_A), perfect(GOLD_B)
    # b names the Kalisz welfare centre with another place -> another node: a split.
    b.organisations[0].place = None
    # The fundacja in a and the labour office in b come out as one node (same name, place, type):
    # one node for two gold bodies, a merge.
    for extraction, i in ((a, 1), (b, 1)):
        o = extraction.organisations[i]
        o.aliases = [o.name]
        o.name, o.place, o.type = "Ośrodek", None, "other"
    report = evaluate_corpus(corpus, extract_fn=fake({"a": a, "b": b}))
    assert [s.name for s in report.split_bodies] == ["Miejski Ośrodek Pomocy Społecznej w Kaliszu"]
    assert sorted(d for docs in report.split_bodies[0].nodes.values() for d in docs) == ["a", "b"]
    assert len(report.merged_nodes) == 1
    assert report.merged_nodes[0].bodies == {"Fundacja „Z Godnością”": ["a"], "Powiatowy Urząd Pracy w Kaliszu": ["b"]}
    text = report.to_text()
    assert "split" in text and "merged" in text


# ---------------------------------------------------------------- layouts, failures, output


def test_language_folder_layout_and_missing_text(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "ex", {"a": (GOLD_A, TEXT_A)}, layout="lang")
    (corpus / "gold" / "b.json").write_text(json.dumps(GOLD_B), "utf-8")  # no text for b
    docs, problems = find_documents(corpus)
    assert [(d, t.parent.name if t else None) for d, _g, t in docs] == [("a", "pl"), ("b", None)]
    assert problems and "b.txt" in problems[0]
    report = evaluate_corpus(corpus, extract_fn=fake({"a": perfect(GOLD_A)}))
    assert report.totals["organisations"].fn == 2  # b's gold counts as missed
    assert [d.doc for d in report.failed] == ["b"]


def test_a_failing_document_is_reported_and_counted(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "c", {"a": (GOLD_A, TEXT_A), "b": (GOLD_B, TEXT_B)})

    def extract_fn(article: Article) -> Extraction:
        if article.doc == "b":
            raise ExtractionError("boom", path=article.path)
        return perfect(GOLD_A)

    report = evaluate_corpus(corpus, extract_fn=extract_fn)
    assert [d.doc for d in report.failed] == ["b"] and "boom" in report.failed[0].error
    assert report.totals["organisations"].fn == 2
    assert "FAILED b" in report.to_text()


def test_not_a_corpus(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no gold/ folder"):
        evaluate_corpus(tmp_path, extract_fn=fake({}))


def test_text_and_json_output(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "c", {"a": (GOLD_A, TEXT_A)})
    a = perfect(GOLD_A)
    a.organisations.pop()  # miss the court
    report = evaluate_corpus(corpus, extract_fn=fake({"a": a}))
    text = report.to_text(details=True)
    assert "organisations" in text and "F1" in text
    assert "missed organisations: Sąd Rejonowy w Kaliszu" in text
    data = json.loads(json.dumps(report.to_dict(details=True)))
    assert data["scores"]["organisations"]["fn"] == 1
    assert data["per_document"][0]["missed"]["organisations"] == ["Sąd Rejonowy w Kaliszu"]
    assert "per_document" not in report.to_dict()


def test_cli_evaluate_prints_the_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("socialkg.cli")
    from socialkg import cli, evaluation

    corpus = make_corpus(tmp_path / "c", {"a": (GOLD_A, TEXT_A)})
    real = evaluation.evaluate_corpus
    monkeypatch.setattr(evaluation, "evaluate_corpus",
                        lambda d, **kw: real(d, extract_fn=fake({"a": perfect(GOLD_A)})))
    result = CliRunner().invoke(cli.cli, ["evaluate", str(corpus), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["scores"]["organisations"]["f1"] == 1.0
