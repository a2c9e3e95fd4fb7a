"""The events layer: one event per differently dated happening, with its own clause's actors and countries."""

from datetime import date

from extract import pipeline
from extract.events import triggers
from extract.model import Article


def events(text: str, published: date | None = date(2024, 3, 8)):
    return pipeline.process(Article("a1", text, published=published, published_basis="option"))[1]


def test_two_dated_clauses_give_two_events_with_their_own_countries():
    found = events("Ukraine said on Tuesday that Russian forces shelled Kharkiv on Monday.")
    by_date = {e.date_start: e for e in found}
    assert set(by_date) == {"2024-03-05", "2024-03-04"}
    assert by_date["2024-03-05"].event_type == "statement"
    assert by_date["2024-03-04"].event_type == "armed_clash"
    assert "RUS" in by_date["2024-03-04"].countries and "UKR" in by_date["2024-03-04"].countries


def test_same_date_twice_is_one_event():
    found = events("On Monday, Sudanese troops attacked El Fasher and on Monday they shelled Omdurman.")
    assert len(found) == 1 and found[0].date_start == "2024-03-04"


def test_undated_statement_takes_the_publication_date():
    found = events("The ministry has said it will not negotiate.")
    assert [(e.date_start, e.date_basis, e.date_text, e.event_type) for e in found] == [
        ("2024-03-08", "publication", "", "statement")]


def test_undated_past_sentence_follows_the_story_day():
    found = events("Israeli jets struck Rafah on Monday. Dozens were killed in the strikes, medics said.")
    second = [e for e in found if e.sentence.startswith("Dozens")][0]
    assert (second.date_start, second.date_basis, second.date_text) == ("2024-03-04", "relative", "")
    assert second.confidence < found[0].confidence
    assert "Monday" in second.reason


def test_future_dates_do_not_become_the_story_day():
    found = events("The envoy will visit Niamey on March 20. Officials welcomed the news.")
    second = [e for e in found if e.sentence.startswith("Officials")][0]
    assert second.date_start == "2024-03-08" and second.date_basis == "publication"


def test_without_a_publication_date_relative_and_undated_events_are_unanchored_but_full_dates_stay():
    found = events("Rebels seized Goma on Jan. 5, 2024. On Friday the army said it retook the airport.", None)
    by_text = {e.date_text: e for e in found}
    assert by_text["Jan. 5, 2024"].date_start == "2024-01-05" and by_text["Jan. 5, 2024"].date_basis == "explicit"
    assert by_text["Friday"].date_basis == "unanchored" and by_text["Friday"].date_start == ""


def test_sentence_without_time_or_trigger_gives_nothing():
    assert events("The capital is a city of two million people.") == []


def test_week_and_month_precision_span_their_interval():
    found = events("Fighting intensified last week. Casualties rose this month.")
    spans = {(e.date_start, e.date_end, e.date_precision) for e in found}
    assert spans == {("2024-02-26", "2024-03-03", "week"), ("2024-03-01", "2024-03-31", "month")}


def test_capitalised_words_inside_a_sentence_are_not_triggers():
    words = [t.text for t in triggers("Fighters of the Islamic State said they would Attack.")]
    assert words == ["said"]


def test_event_ids_are_stable_and_distinct():
    text = "Talks opened in Doha on Monday. A deal was signed on Tuesday."
    first, again = events(text), events(text)
    assert [e.event_id for e in first] == [e.event_id for e in again]
    assert len({e.event_id for e in first}) == len(first) == 2


def test_the_longest_trigger_wins():
    assert [(t.text, t.event_type) for t in triggers("Russia and Belarus held war games on Monday.")] == [
        ("war games", "military_exercise")]
    assert [(t.text, t.event_type) for t in triggers("Dock workers began strike action on Monday.")] == [
        ("strike action", "protest")]


def test_unanchored_precision_follows_the_value_shape():
    found = events("Profits rose in the first half, the company said on Friday.", None)
    assert {(e.date_text, e.date_precision) for e in found} == {("the first half", "year"), ("Friday", "day")}


def test_a_period_that_opens_the_sentence_gives_way_to_the_finer_dates_inside_it():
    found = events("Last year, the two sides held talks in March and April.")
    assert [(e.date_start, e.date_end, e.event_type) for e in found] == [
        ("2023-03-01", "2023-03-31", "meeting"), ("2023-04-01", "2023-04-30", "meeting")]
    # a period with nothing finer inside it, or one that does not open the sentence, stays
    assert [e.date_start for e in events("In 2014, Russia annexed Crimea.")] == ["2014-01-01"]
    assert {e.date_start for e in events("The economy grew in 2023 after it shrank in March 2023.")} == {
        "2023-01-01", "2023-03-01"}


def test_a_denied_happening_is_not_an_event():
    assert events("Moscow would not agree to a ceasefire on Monday.") == []
    assert events("The rebels never met the envoy on Tuesday.") == []
    # the refusal itself is news; and a happening that is not denied still counts
    assert [(e.event_type, e.trigger) for e in events("Russia refused to sign the deal on Monday.")] == [
        ("statement", "refused")]
    found = events("Putin will visit Dushanbe next week but will not meet Rakhmon.")
    assert [(e.event_type, e.trigger) for e in found] == [("visit", "visit")]
    assert [t.negated for t in triggers("He did not yet formally agree, but he met them.")] == [True, False]
    assert not any(t.negated for t in triggers("Not only did Russia attack on Monday, it shelled Kharkiv."))
    # what a denied verb governs is denied with it: the talks took place, the deal did not
    found = events("Negotiators failed to agree on a border deal on Thursday.")
    assert [(e.event_type, e.trigger, e.date_text) for e in found] == [("meeting", "Negotiators", "Thursday")]
    # a date inside what a statement reports, when that is denied, dates nothing: the saying is dated as an
    # undated sentence is
    found = events("Aliyev told reporters that Baku would not sign any document before the summer.")
    assert [(e.event_type, e.trigger, e.date_text, e.date_start) for e in found] == [
        ("statement", "told", "", "2024-03-08")]


def test_a_date_a_statement_foretells_dates_what_it_foretells_not_the_saying():
    found = events("He said the border would reopen on Monday.")
    assert [(e.event_type, e.date_text, e.date_start) for e in found] == [("other", "Monday", "2024-03-11")]
    found = events("He said on Monday that the border would reopen.")  # the saying's own date stays
    assert [(e.event_type, e.date_start) for e in found] == [("statement", "2024-03-04")]


def test_a_reporting_verb_in_the_past_stays_on_the_story_day_whatever_it_reports():
    found = events("Talks ended late on Tuesday. Vucic told reporters he would not sign any document.")
    assert [(e.trigger, e.date_start) for e in found][-1] == ("told", "2024-03-05")
    found = events("Talks ended late on Tuesday. Moscow has said it does not plan to invade.")  # background
    assert [(e.trigger, e.date_start) for e in found][-1] == ("said", "2024-03-08")


def test_a_noun_after_a_determiner_is_no_statement():
    found = events("The leaders had agreed to the plan itself in Brussels on Feb. 27.")
    assert [(e.event_type, e.trigger) for e in found] == [("agreement", "agreed")]


def test_since_a_date_runs_to_publication():
    found = events("Russia has occupied Crimea since 2014. Israel and Hezbollah have exchanged fire since October.")
    assert [(e.event_type, e.date_start, e.date_end) for e in found] == [
        ("military_posture", "2014-01-01", "2024-03-08"), ("armed_clash", "2023-10-01", "2024-03-08")]
    assert "until publication" in found[0].reason
    # the start of a "since" stretch is no day the story moves to
    found = events("Airstrikes killed 71 people on Tuesday. The ministry said 2,778 people had been killed since "
                   "Oct. 7. The military said it had struck 200 targets.")
    assert [(e.trigger, e.date_start) for e in found][-1] == ("said", "2024-03-05")


def test_seizing_power_and_a_state_of_emergency_are_political_and_a_state_is_no_statement():
    found = events("The junta, which seized power in 2021, extended a state of emergency on Wednesday. "
                   "The state of Texas sued on Tuesday.")
    assert [(e.event_type, e.trigger) for e in found] == [
        ("political", "seized power"), ("political", "state of emergency"), ("legal", "sued")]


def test_a_passive_that_names_nobody_is_no_statement():
    assert [(e.event_type, e.trigger) for e in events("The talks are expected to last several days.")] == [
        ("meeting", "talks")]
    assert [e.trigger for e in events("Russia expects the talks to fail, Peskov told reporters.")][:1] == ["expects"]


def test_an_adjective_is_no_trigger_and_a_conflict_is_a_clash():
    found = events("The conflict began in November 2020, when the army accused the region's ruling party.")
    assert [(e.event_type, e.trigger) for e in found] == [("armed_clash", "conflict")]


def test_a_capitalised_trigger_after_a_dateline_dash_opens_the_text():
    assert [(e.event_type, e.trigger) for e in events("GENEVA — Talks resumed on Monday.")] == [("meeting", "Talks")]


def test_a_happening_under_a_condition_is_not_an_event():
    found = events("If we do not do this, there will be a war by the end of the week, the minister warned on Monday.")
    assert [(e.event_type, e.trigger, e.date_start) for e in found] == [("statement", "warned", "2024-03-04")]
    assert events("Russia will attack Kyiv if Ukraine joins NATO next year.") == []
    assert events("Unless a deal is reached by Friday, the strike will begin on Monday.") == []
    # what was said is news, what it made conditional dates nothing
    found = events("The army said it would retaliate if rebels attacked the town again on Friday.")
    assert [(e.event_type, e.trigger, e.date_text) for e in found] == [("statement", "said", "")]
    # a question, a manner and a report taken as true are no conditions
    assert [t.negated for t in triggers("Asked if Russia would attack, he said no.")] == [False, False, False]
    found = events("The army attacked the town on Friday, as if nothing had happened.")
    assert [(e.event_type, e.date_start) for e in found] == [("armed_clash", "2024-03-08")]
    found = events("If confirmed, the strike on Tuesday would be the deadliest since the war began.")
    assert [(e.event_type, e.date_start) for e in found] == [("armed_clash", "2024-03-05")]


def test_a_town_that_fell_to_rebels_is_a_clash_and_fuel_stations_are_no_posture():
    found = events("On Monday, the towns of Kidal and Gao fell to the rebels.")
    assert [(e.event_type, e.trigger) for e in found] == [("armed_clash", "fell to the rebels")]
    found = events("Fuel stations in Bamako were rationing gasoline on Thursday.")
    assert [e.event_type for e in found] == ["other"]


def test_declining_to_comment_is_a_statement_not_a_fall():
    found = events("His press secretary, Dmitry Peskov, declined to comment on Tuesday.")
    assert [(e.event_type, e.trigger) for e in found] == [("statement", "declined to comment")]


def test_a_dateline_s_date_gives_way_to_the_date_of_the_news():
    found = events("KYIV, March 8 (Reuters) - Russian forces shelled Kharkiv on Wednesday, officials said.")
    assert [(e.date_start, e.event_type) for e in found] == [("2024-03-06", "armed_clash")]
    found = events("GORI, Georgia, March 8 (AFP) - Russian forces shelled the town, officials said.")
    assert [(e.date_start, e.date_text) for e in found] == [("2024-03-08", "March 8")]
