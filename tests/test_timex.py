"""The temporal tagger, family by family, on sentences written the way news is."""

from datetime import date

import pytest

from extract import timex
from extract.timex import calendar

FRI = date(2021, 7, 23)  # a Friday, the first seed's publication date


def tags(text: str, published: date | None = FRI, **kw) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value + (f"/{t.end_value}" if t.end_value else ""))
            for t in timex.tag(text, published, **kw)]


def one(text: str, published: date | None = FRI) -> tuple[str, str, str]:
    found = tags(text, published)
    assert len(found) == 1, found
    return found[0]


# ---- absolute and partial dates -----------------------------------------------------------------------

@pytest.mark.parametrize("text, surface, value", [
    ("The treaty was signed on July 22, 2021, in Dushanbe.", "July 22, 2021", "2021-07-22"),
    ("It was signed on 22 July 2021.", "22 July 2021", "2021-07-22"),
    ("Talks resumed on Monday, Oct. 19, 1987.", "Monday, Oct. 19, 1987", "1987-10-19"),
    ("The file is dated 2021-07-22.", "2021-07-22", "2021-07-22"),
    ("The file is dated 2021/07/22.", "2021/07/22", "2021-07-22"),
    ("The deal was struck in March 2014.", "March 2014", "2014-03"),
    ("The war began in 1979.", "1979", "1979"),
    ("Troops left in the summer of 1989.", "the summer of 1989", "1989-SU"),
    ("Sales fell in the third quarter of 1989.", "the third quarter of 1989", "1989-Q3"),
    ("Profit rose in the first half of 2020.", "the first half of 2020", "2020-H1"),
    ("He was born in nineteen ninety-six.", "nineteen ninety-six", "1996"),
])
def test_absolute_dates(text, surface, value):
    assert one(text) == (surface, "DATE", value)


def test_absolute_dates_need_no_publication_date():
    t = timex.tag("The treaty was signed on July 22, 2021.", None)[0]
    assert (t.value, t.relative, t.anchored) == ("2021-07-22", False, True)


@pytest.mark.parametrize("text, value", [
    ("Putin will visit Dushanbe on Sept. 14.", "2021-09-14"),     # future: the next Sept. 14
    ("The blasts on Aug. 7 killed 200 people.", "2021-08-07"),     # nearest, even with a past verb
    ("Rebels seized the town on Dec. 28.", "2020-12-28"),          # past: the last Dec. 28
    ("The summit will be held in June.", "2022-06"),               # future month: next June
    ("Elections were held in March.", "2021-03"),
])
def test_partial_dates_take_the_year_the_tense_points_to(text, value):
    assert one(text)[2] == value


def test_month_names_need_capitals_and_may_needs_context():
    assert tags("The army may march on the capital.") == []
    assert one("Voting ended in May.") == ("May", "DATE", "2021-05")


# ---- relative to publication ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("The minister spoke yesterday.", "2021-07-22"),
    ("The minister speaks today.", "2021-07-23"),
    ("The minister will speak tomorrow.", "2021-07-24"),
    ("Troops arrived last week.", "2021-W28"),
    ("Putin will visit next week.", "2021-W30"),
    ("Gun battles killed 22 people this month.", "2021-07"),
    ("Inflation rose last year.", "2020"),
    ("The rebels attacked two years ago.", "2019"),
    ("Fighting resumed earlier this month.", "2021-07"),
    ("The economy will recover early next year.", "2022"),
    ("Talks continued over the weekend.", "2021-W28-WE"),
    ("The talks are now stalled.", "PRESENT_REF"),
    ("The area was recently shelled.", "PAST_REF"),
])
def test_relative_expressions(text, value):
    assert one(text)[2] == value


def test_relative_expressions_stay_unanchored_without_a_publication_date():
    t = timex.tag("A senior diplomat said Friday that troops would arrive next week.", None)
    assert [(x.text, x.value, x.anchored) for x in t] == [("Friday", "XXXX-WXX-5", False),
                                                          ("next week", "XXXX-WXX", False)]


# ---- weekdays with tense --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("A senior diplomat said Friday.", "2021-07-23"),                  # the Friday on or before publication
    ("On Thursday, Tajikistan relocated 20,000 troops.", "2021-07-22"),
    ("Rebels attacked the base on Monday.", "2021-07-19"),
    ("The ministers will meet on Monday.", "2021-07-26"),              # future: the next Monday
    ("The court ruled last Friday.", "2021-07-16"),
    ("The vote is scheduled for next Tuesday.", "2021-07-27"),
    ("Tuesday's ruling angered the opposition.", "2021-07-20"),        # possessive: already happened
    ("Observers will monitor Sunday's vote.", "2021-07-25"),            # ... unless the clause looks forward
    ("Tuesday's talks are expected to focus on prisoners.", "2021-07-27"),
    ("Parties campaigned ahead of Sunday's vote.", "2021-07-25"),
    ("They said they would fight Wednesday's ruling.", "2021-07-21"),  # "would": a future seen from the past
])
def test_weekdays_follow_the_tense(text, value):
    assert one(text)[2] == value


def test_a_weekday_after_until_follows_the_one_that_opens_the_stretch():
    found = tags("The mayor announced a curfew beginning at 8 p.m. Tuesday and lasting until 7 a.m. Thursday.",
                 date(2022, 3, 15))
    assert [t[2] for t in found] == ["2022-03-15T20:00", "2022-03-17T07:00"]


def test_a_weekday_range_runs_forward_but_a_list_of_weekdays_is_not_a_range():
    assert tags("Talks will run Thursday-Monday.", join_ranges=False) == [
        ("Thursday", "DATE", "2021-07-29"), ("Monday", "DATE", "2021-08-02")]
    assert tags("Statements were made Friday and Thursday.") == [
        ("Friday", "DATE", "2021-07-23"), ("Thursday", "DATE", "2021-07-22")]
    assert one("Voting ends on Weds.")[::2] == ("Weds.", "2021-07-28")


def test_weekday_reason_explains_the_choice():
    t = timex.tag("A senior diplomat said Friday.", FRI)[0]
    assert "on or before publication" in t.reason and "2021-07-23" in t.reason


# ---- ranges -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, surface, value", [
    ("Russia plans drills on Aug. 5-10.", "Aug. 5-10", "2021-08-05/2021-08-10"),
    ("Joint drills will run on July 30-Aug. 10.", "July 30-Aug. 10", "2021-07-30/2021-08-10"),
    ("Putin will visit on Sept. 14-15.", "Sept. 14-15", "2021-09-14/2021-09-15"),
    ("He served from 2001 to 2009.", "from 2001 to 2009", "2001/2009"),
    ("Talks were held between March and May.", "between March and May", "2021-03/2021-05"),
    ("The 2009-2010 budget was cut.", "2009-2010", "2009/2010"),
    ("The 2023/24 budget was cut.", "2023/24", "2023/2024"),
    ("The talks run from Monday through Wednesday.", "from Monday through Wednesday", "2021-07-26/2021-07-28"),
    ("Fighting raged in Jan.-Feb. 2024.", "Jan.-Feb. 2024", "2024-01/2024-02"),
    ("Snow fell between December and February 2021.", "between December and February 2021", "2020-12/2021-02"),
])
def test_ranges_join_into_one_expression(text, surface, value):
    assert one(text) == (surface, "DATE", value)


def test_a_new_year_holiday_or_message_is_no_year():
    assert tags("He sent a New Year message.") == []
    assert tags("Markets rose after the new year holiday.") == []


def test_a_day_before_a_hedged_length_is_no_rate_and_the_future_of_something_is_no_time():
    assert tags("Officers seized power on March 22, barely a month before the vote.") == [
        ("March 22", "DATE", "2021-03-22"), ("barely a month", "DURATION", "P1M")]
    assert tags("Tension grew over the future of the force.") == []
    assert tags("Rents rose to $2,000 a month.") == []


def test_numbers_that_only_look_like_clock_times_are_not_times():
    assert tags("Shares closed at 10.50 on Tuesday.") == [("Tuesday", "DATE", "2021-07-20")]
    assert tags("The index rose to 14.30 points.") == []
    assert tags("The mission lasted 1500 hours.")[0][2] == "PT1500H"


def test_a_clock_time_range_ending_earlier_ends_the_next_day():
    assert one("A curfew from 10 p.m. to 6 a.m. remains in place.") == (
        "from 10 p.m. to 6 a.m.", "TIME", "2021-07-23T22:00/2021-07-24T06:00")


def test_ranges_are_two_tags_for_timeml():
    found = tags("Russia plans drills on Aug. 5-10.", join_ranges=False)
    assert found == [("Aug. 5", "DATE", "2021-08-05"), ("10", "DATE", "2021-08-10")]


def test_a_month_listed_before_a_month_and_year_takes_that_year():
    assert tags("Talks in May and June 2023 failed.") == [("May", "DATE", "2023-05"), ("June 2023", "DATE", "2023-06")]


def test_the_start_of_a_range_or_list_takes_the_year_written_at_its_end():
    found = one("The Games will take place from July 23 to Aug. 8, 2021.", date(2020, 3, 31))
    assert found[2] == "2021-07-23/2021-08-08"
    assert one("The festival ran Dec. 28-Jan. 3, 2023.", date(2024, 3, 15))[2] == "2022-12-28/2023-01-03"
    # so does the start of a list
    assert [t[2] for t in tags("Votes were held on May 3, May 4 and on May 5, 2019.", date(2024, 3, 15))] == [
        "2019-05-03", "2019-05-04", "2019-05-05"]


def test_a_list_of_two_dates_is_not_a_range():
    assert [x[2] for x in tags("Ministers met on Thursday and Friday.")] == ["2021-07-22", "2021-07-23"]
    # a bare number ends a range only after a day written as a number
    assert tags("Police held 12 people on Thursday and 30 more on Friday.") == [
        ("Thursday", "DATE", "2021-07-22"), ("Friday", "DATE", "2021-07-23")]


# ---- durations, sets, times --------------------------------------------------------------------------

@pytest.mark.parametrize("text, surface, value", [
    ("The siege lasted two years.", "two years", "P2Y"),
    ("He signed a three-year contract.", "three-year", "P3Y"),
    ("Sales rose in the past two months.", "the past two months", "P2M"),
    ("The talks lasted 5 1/2 hours.", "5 1/2 hours", "PT5H30M"),
    ("Fighting has gone on for decades.", "decades", "PXY"),
    ("Violence spread in the next few days.", "the next few days", "PXD"),
    ("The conflict has lasted two decades.", "two decades", "P20Y"),
])
def test_durations(text, surface, value):
    assert one(text) == (surface, "DURATION", value)


@pytest.mark.parametrize("text, value", [
    ("Inspectors report daily.", "P1D"),
    ("Please support us monthly.", "P1M"),
    ("The council meets every Thursday.", "XXXX-WXX-4"),
    ("Convoys leave twice a week.", "P1W"),
    ("Floods come every summer.", "XXXX-SU"),
    ("Floods come each season.", "P3M"),
    ("He runs every morning.", "XXXX-XX-XXTMO"),
    ("Pilgrims come each July.", "XXXX-07"),
    ("Inspections take place every other week.", "P2W"),
])
def test_sets(text, value):
    t = one(text)
    assert (t[1], t[2]) == ("SET", value)


def test_parts_of_days_are_times():
    assert one("Asian markets reopen Monday morning.")[:2] == ("Monday morning", "TIME")
    assert one("The governor will speak tonight.")[1:] == ("TIME", "2021-07-23TNI")
    # the night of the day the story is at; said today in a past clause, last night
    assert tags("The earthquake struck on Monday. Rescuers worked through the night.", date(2024, 1, 2))[1] == (
        "the night", "TIME", "2024-01-01TNI")
    assert tags("Talks had continued through the night, the commander said today.", date(2004, 4, 26))[0] == (
        "the night", "TIME", "2004-04-25TNI")
    assert tags("Gunfire went on into the evening.", date(2010, 4, 7)) == [("the evening", "TIME", "2010-04-07TEV")]
    assert tags("He recalled the night the plane crashed. They travel by night.") == []


def test_clock_times_and_ages():
    assert one("The blast struck at 10:35 a.m. Tuesday.") == ("10:35 a.m. Tuesday", "TIME", "2021-07-20T10:35")
    assert tags("A 6-year-old boy was rescued.") == []


# ---- anchored to an earlier date in the text ---------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Rebels took the town on March 3, 2014. The next day, troops arrived.",
     [("March 3, 2014", "2014-03-03"), ("The next day", "2014-03-04")]),
    ("The war began in 1991. The following year, a truce was signed.",
     [("1991", "1991"), ("The following year", "1992")]),
    ("Sales rose 5% in the third quarter from a year earlier.",
     [("the third quarter", "2021-Q3"), ("a year earlier", "2020-Q3")]),
    ("The ceasefire collapsed on Oct. 2, 2015. Two days later, the city fell.",
     [("Oct. 2, 2015", "2015-10-02"), ("Two days later", "2015-10-04")]),
    ("Rebels attacked on Oct. 2, 2015. That night, the army struck back. The next morning, it was calm.",
     [("Oct. 2, 2015", "2015-10-02"), ("That night", "2015-10-02TNI"), ("The next morning", "2015-10-03TMO")]),
    ("The accord was signed in 1995. The previous year, fighting had peaked.",
     [("1995", "1995"), ("The previous year", "1994")]),
    ("He stole until the fall of 2000. Agents searched his office that December; he was charged the following March.",
     [("the fall of 2000", "2000-FA"), ("that December", "2000-12"), ("the following March", "2001-03")]),
    ("In April 1994, troops overran the town. That summer, the UN warned of famine.",
     [("April 1994", "1994-04"), ("That summer", "1994-SU")]),
    ("Profit for 1999 rose 40%. It rose to 2.1 billion euros from 1.5 billion euros a year earlier.",
     [("1999", "1999"), ("a year earlier", "1998")]),
    ("The raid began at 3:40 p.m. on Oct. 3, 2020. A column arrived at 6:30 the next morning.",
     [("3:40 p.m. on Oct. 3, 2020", "2020-10-03T15:40"), ("6:30 the next morning", "2020-10-04T06:30")]),
    ("A quake struck at 1:14 p.m. on Tuesday, 32 years after the 1985 quake. A drill had been held at 11:00 a.m. "
     "that morning.", [("1:14 p.m. on Tuesday", "2021-07-20T13:14"), ("32 years", "P32Y"), ("1985", "1985"),
                       ("11:00 a.m. that morning", "2021-07-20T11:00")]),
    ("He bought a ticket on Dec. 27, 2018 and arrived at 6 p.m. the next day. Later that evening, he left.",
     [("Dec. 27, 2018", "2018-12-27"), ("6 p.m. the next day", "2018-12-28T18:00"),
      ("Later that evening", "2018-12-28TEV")]),
    ("He resigned on July 7, 2022. That week, 50 officials quit; the previous Friday an aide was suspended.",
     [("July 7, 2022", "2022-07-07"), ("That week", "2022-W27"), ("the previous Friday", "2022-07-01")]),
    ("Third-quarter sales rose, and it expects more by the end of the year. Sales in the previous quarter fell.",
     [("Third-quarter", "2021-Q3"), ("the end of the year", "2021"), ("the previous quarter", "2021-Q2")]),
    ("Elections are on Feb. 25, 2023, with a second round two weeks later.",
     [("Feb. 25, 2023", "2023-02-25"), ("two weeks later", "2023-03-11")]),   # weeks counted from a day: a day
    ("Missiles have been fired since January 2022. A submarine is expected to visit by the end of the month.",
     [("January 2022", "2022-01"), ("the end of the month", "2021-07")]),          # a future clause: publication's
    ("The summit opened on June 4, 2019. By the end of the week, no deal had emerged.",
     [("June 4, 2019", "2019-06-04"), ("the end of the week", "2019-W23")]),
    ("Sales rose 5% from the previous quarter.", [("the previous quarter", "2021-Q2")]),
    # a market or results report's "for the week", "for the year": the period of the day or quarter it reports
    ("Stocks plunged on Monday. For the week, the Dow lost 6.9%.",
     [("Monday", "2021-07-19"), ("the week", "2021-W29")]),
    ("Orion posted a fourth-quarter loss. For the year, it lost $63 million.",
     [("fourth-quarter", "2020-Q4"), ("the year", "2020")]),
    # a past clause cannot count past publication: it counts from the latest story date that keeps it before
    ("A woman was attacked on July 2. The case went to court on Friday. She died 13 days later.",
     [("July 2", "2021-07-02"), ("Friday", "2021-07-23"), ("13 days later", "2021-07-15")]),
    # an anniversary puts the story back then: partial dates of past clauses fall near it, not near publication
    ("Fifty years ago today, troops crossed the border. The president committed forces on June 27.",
     [("Fifty years ago today", "1971-07-23"), ("June 27", "1971-06-27")]),
    ("Eighty years ago tonight, troops waited. The first paratroopers landed at 12.16am.",
     [("Eighty years ago tonight", "1941-07-23TNI"), ("12.16am", "1941-07-24T00:16")]),  # after that night
    # a day written out in full lends its year, or the next, to a month near it
    ("The series began on 28 November 1975, and by the end of January Australia had won it.",
     [("28 November 1975", "1975-11-28"), ("the end of January", "1976-01")]),
    # until the story moves to another year
    ("Gillard ousted him on 24 June 2010. In February last year she beat him, and in March he declined to stand.",
     [("24 June 2010", "2010-06-24"), ("February last year", "2020-02"), ("March", "2021-03")]),
    # a day-sized reference after a coarser date goes back to the last day the story named, unless "same"
    ("The quake struck at 5:46 a.m. on Jan. 17. A week later, officials admitted they had waited until that "
     "afternoon.", [("5:46 a.m. on Jan. 17", "2021-01-17T05:46"), ("A week later", "2021-W03"),
                    ("that afternoon", "2021-01-17TAF")]),
    ("Police closed the road on Thursday. The victim was shot last October. His name was crossed out that same day.",
     [("Thursday", "2021-07-22"), ("last October", "2020-10"), ("that same day", "2020-10-XX")]),
    # a text that opens "A decade ago, ..." is told from back then: its weekdays follow the story, unless said now
    ("A decade ago, on the weekend of Sept. 13, 2011, bankers met. By Sunday night the talks had collapsed. "
     "An aide said on Tuesday that he regretted it.",
     [("A decade ago", "2011"), ("the weekend of Sept. 13, 2011", "2011-W37-WE"), ("Sunday night", "2011-09-18TNI"),
      ("Tuesday", "2021-07-20")]),
    # counted later from a day or a clock time, with a hedge, or "on"; not "later than"
    ("He was elected on June 3, 2001. Nearly a decade later, he quit. Five years on, he was back.",
     [("June 3, 2001", "2001-06-03"), ("Nearly a decade later", "2011"), ("Five years on", "2016")]),
    ("The first plane hit at 8:46 a.m. on Sept. 11, 2001. Seventeen minutes later, a second struck.",
     [("8:46 a.m. on Sept. 11, 2001", "2001-09-11T08:46"), ("Seventeen minutes later", "2001-09-11T09:03")]),
    ("The ground war began on Feb. 24, 1991. 100 hours later, it was over.",
     [("Feb. 24, 1991", "1991-02-24"), ("100 hours later", "1991-02-28")]),
    ("The congress opened on Friday, two months later than scheduled.", [("Friday", "2021-07-23"),
                                                                         ("two months", "P2M")]),
    ("In 2014 the polls were held between April 7 and May 12.",
     [("2014", "2014"), ("between April 7 and May 12", "2014-04-07")]),  # the year the sentence opens with
    ("Last year the board voted in November to close the school.", [("Last year", "2020"), ("November", "2020-11")]),
    ("He was arrested on Saturday, March 2, 2019. He had phoned her the previous evening and spent that weekend "
     "in jail.", [("Saturday, March 2, 2019", "2019-03-02"), ("the previous evening", "2019-03-01TEV"),
                  ("that weekend", "2019-W09-WE")]),
    ("The coup began late Friday. By the morning, the government had regained control.",
     [("late Friday", "2021-07-23"), ("the morning", "2021-07-24TMO")]),  # the morning after a late day or night
    ("He was arrested on March 3, 2019. She had called the night before.",
     [("March 3, 2019", "2019-03-03"), ("the night before", "2019-03-02TNI")]),
    ("Prices rose in the 1960s and fell in the following decade.",
     [("the 1960s", "196"), ("the following decade", "197")]),
    # "the next month" in a past clause is the month after the story's date, in a future one after publication's
    ("He sent the e-mail on Jan. 17, 2002. The next month he moved the money.",
     [("Jan. 17, 2002", "2002-01-17"), ("The next month", "2002-02")]),
    ("He was arrested on Friday. He will be tried over the next month.",
     [("Friday", "2021-07-23"), ("the next month", "2021-08")]),
    # a plan reported on a past date counts its "next" from that date, and the story stays at the report
    ("In June 2015, the commissioner promised that the drains would be cleared before the rains next year. By the "
     "following May only a third was done.", [("June 2015", "2015-06"), ("next year", "2016"),
                                                ("the following May", "2016-05")]),
    ("The developer told the council in October 2016 that the tower would open next spring.",
     [("October 2016", "2016-10"), ("next spring", "2017-SP")]),
    ("He announced in January 1998 that he would retire at the end of the year.",
     [("January 1998", "1998-01"), ("the end of the year", "1998")]),
    ("The firm, which went public in the summer of 2019, said its new chief would take over next month.",
     [("the summer of 2019", "2019-SU"), ("next month", "2021-08")]),  # no report's date: from publication
    # the date a length counts from is background: the story stays at June 3
    ("A president was elected on June 3, six months after martial law was declared on Dec. 3. He was sworn in "
     "the following day.", [("June 3", "2021-06-03"), ("six months", "P6M"), ("Dec. 3", "2020-12-03"),
                            ("the following day", "2021-06-04")]),
    # a story at a coarser date than the unit gives no month to end: publication's month
    ("The rival system is due in late 2022. A patch is promised before the end of the month.",
     [("late 2022", "2022"), ("the end of the month", "2021-07")]),
])
def test_expressions_anchored_to_the_narrative(text, expected):
    assert [(t.text, t.value) for t in timex.tag(text, FRI)] == expected


def test_a_future_clause_names_the_quarter_just_ended_only_when_it_is_much_nearer():
    reported = tags("The company will report third-quarter results next week.", date(1989, 10, 26))
    assert reported[0][::2] == ("third-quarter", "1989-Q3")
    assert one("The summit will be held in the second half of the year.", date(2024, 3, 15))[2] == "2024-H2"


def test_later_than_nothing_the_text_names_is_unanchored_and_decades_count_in_years():
    assert tags("A year later, he was elected president.") == [("A year later", "DATE", "XXXX")]
    assert tags("The war ended in 1995. Two decades later, it resumed.")[1] == ("Two decades later", "DATE", "2015")
    assert tags("The war ended in March 2010. Half a year later, talks began.")[1][2] == "2010-09"


def test_a_year_before_a_verb_is_no_rate():
    assert [t for t, _, _ in tags("The Soviet invasion of 1979 led to a decade of war.")] == ["1979", "a decade"]
    assert tags("Iran pumps 700 barrels a day.") == []


def test_the_period_is_a_quarter_only_where_a_quarter_was_named():
    found = tags("Profit rose in the third quarter. In the period, sales fell.")
    assert [v for _, _, v in found] == ["2021-Q3", "2021-Q3"]
    assert [t for t, _, _ in tags("During the period of martial law, hundreds were detained.")] == []


# ---- the seed articles -------------------------------------------------------------------------------------

def test_expressions_of_the_first_seed():
    text = ("Russia will help Tajikistan build an outpost, a senior diplomat said Friday. "
            "Russia plans to stage military drills with Tajikistan and Uzbekistan near Afghanistan on Aug. 5-10, "
            "as well as joint Russian-Uzbek drills involving around 1,500 troops on July 30-Aug. 10. "
            "On Thursday, Tajikistan relocated 20,000 troops to reinforce its border with Afghanistan.")
    assert tags(text) == [("Friday", "DATE", "2021-07-23"), ("Aug. 5-10", "DATE", "2021-08-05/2021-08-10"),
                          ("July 30-Aug. 10", "DATE", "2021-07-30/2021-08-10"), ("Thursday", "DATE", "2021-07-22")]


def test_expressions_of_the_second_seed():
    text = ("President Vladimir Putin will visit Tajikistan next week where he will discuss what Moscow can do, "
            "the Kremlin's top foreign policy aide said on Friday. Bloody gun battles killed 22 people in Tajikistan "
            "this month. Putin will visit the Tajik capital Dushanbe on Sept. 14-15 for talks.")
    assert tags(text, date(2015, 9, 11)) == [
        ("next week", "DATE", "2015-W38"), ("Friday", "DATE", "2015-09-11"), ("this month", "DATE", "2015-09"),
        ("Sept. 14-15", "DATE", "2015-09-14/2015-09-15")]


@pytest.mark.parametrize("text", [
    "Britain's Sunday Times reported the sale.",
    "The Mail on Sunday said so.",
    "It was the second outlet to close, after Apple Daily.",
    "Kowalski scored twice in the second half.",
    "Organisers of the Aurat March said 3,000 women took part.",
    "Spain beat France in the Euro 2024 semi-final.",
    "Funds were set aside under the 14th Five-Year Plan.",
    "Veterans of the Six-Day War and the Hundred Years' War met.",
    "The NCAA will hold March Madness games without fans.",
    "The pound plunged, and May, the home secretary, spoke.",
    "Rio de Janeiro will host the next Summer Olympics.",
    "The city's Christmas market drew crowds.",
    "The second half of the budget session resumed.",
    "The economy would shrink again before returning to growth.",
    "Bloody Sunday is remembered in Derry.",
    "The economy has shrunk by about a quarter.",
    "They sent about 500 trucks a day before the war.",
    "The plan saves $2 million a year and adds 700 seats a week.",   # rates, not lengths of time
    "It would be a second betrayal, and a second group resigned.",    # "second" as an ordinal
    "Thousands joined the annual March for Life in Washington.",      # a procession, not the month
    "The company cannot comment at this point; this time it lost.",  # "this time" is an occasion
])
def test_look_alikes_are_not_time_expressions(text):
    assert tags(text) == []


def test_a_rate_does_not_hide_a_real_expression():
    assert one("Sales rose 5% a year earlier.")[0] == "a year earlier"
    assert one("Convoys leave three times a week.") == ("three times a week", "SET", "P1W")


def test_years_that_modify_a_noun():
    assert one("Sales were above fiscal 1989 sales.")[:2] == ("fiscal 1989", "DATE")
    assert one("He hoped to see the 2000 Olympics.")[2] == "2000"
    assert tags("In 1998 and 2005 the troops stayed.", join_ranges=True) == [
        ("1998", "DATE", "1998"), ("2005", "DATE", "2005")]


def test_a_clock_time_of_a_timetable_falls_on_the_day_still_to_come_last_named():
    text = ("Voters go to the polls on Sunday in an election not due until 2016. "
            "Polls open at 7 a.m. and will close at 7 p.m.")
    assert [v for _, _, v in tags(text, date(2015, 1, 23))] == ["2015-01-25", "2016", "2015-01-25T07:00",
                                                               "2015-01-25T19:00"]


def test_the_period_a_market_report_ends_or_a_deal_survives_is_the_current_one():
    assert tags("The index ended the week down 6 percent.", date(1997, 10, 31)) == [
        ("the week", "DATE", "1997-W44")]
    assert tags("Diplomats fear the accord will not survive the month.", date(2000, 5, 3)) == [
        ("the month", "DATE", "2000-05")]


def test_noon_and_midnight_take_a_date_after_them():
    assert tags("Campaigning must end at midnight July 8.", date(1994, 7, 2)) == [
        ("midnight July 8", "TIME", "1994-07-08T24:00")]
    assert tags("The truce began at noon on July 8, 1995.") == [("noon on July 8, 1995", "TIME", "1995-07-08T12:00")]


def test_a_length_after_an_ordinal_second_is_found():
    assert tags("He won a second four-year term and a second 4-year lease.") == [
        ("four-year", "DURATION", "P4Y"), ("4-year", "DURATION", "P4Y")]


def test_weekend_before_a_noun_is_the_weekend():
    assert tags("Weekend clashes left 12 dead.", date(2005, 11, 28)) == [("Weekend", "DATE", "2005-W47-WE")]
    assert tags("Talks resumed after weekend talks failed.", date(2005, 11, 28))[0][2] == "2005-W47-WE"
    found = tags("After a weekend of talks, a long weekend break and weekend of rain.")
    assert not [t for t in found if t[1] == "DATE"]


def test_a_unit_later_than_something_is_a_length_not_a_date():
    assert tags("The leader will be sworn in on Friday, a day later than the army had announced.",
                date(2024, 8, 8))[1] == ("a day", "DURATION", "P1D")
    assert tags("The talks ended a month later than planned.")[0] == ("a month", "DURATION", "P1M")


def test_n_units_after_an_event_is_a_duration():
    assert one("He resigned two days after the scandal broke.") == ("two days", "DURATION", "P2D")
    found = tags("The war began in 1990. Two years after that, peace came.")
    assert found[1] == ("Two years after", "DATE", "1992")


@pytest.mark.parametrize("text, surface, value", [
    ("The plant ran short of parts well into the summer.", "the summer", "2021-SU"),
    ("It achieved profit after several quarters of losses.", "several quarters", "PXQ"),
    ("Cuba denounced a decades-long embargo.", "decades-long", "PXY"),
    ("He expects revenue in the latest quarter to total $28 million.", "the latest quarter", "2021-Q2"),
    ("By the end of the decade, the fleet will double.", "the end of the decade", "202"),
    ("Rebels attacked on Friday morning.", "Friday morning", "2021-07-23TMO"),
    ("The truce took hold a fortnight ago.", "a fortnight ago", "2021-W27"),
    ("He leaves in two weeks' time.", "two weeks' time", "2021-W31"),
    ("Earlier today, the minister arrived.", "Earlier today", "2021-07-23"),
    ("Voting closed at 8 p.m. Moscow time on Tuesday.", "8 p.m. Moscow time on Tuesday", "2021-07-20T20:00"),
    ("Troops will rotate over the next two to three weeks.", "the next two to three weeks", "PXW"),
    ("The market fell for eight trading days.", "eight trading days", "P8D"),
    ("Talks will resume in the coming weeks.", "coming weeks", "PXW"),
    ("Prices may rise in the months ahead.", "the months ahead", "PXM"),
    ("The blast came at 3:30 p.m. local time on Tuesday.", "3:30 p.m. local time on Tuesday", "2021-07-20T15:30"),
    ("It began at 04:30 local time on 24 February 2022.", "04:30 local time on 24 February 2022", "2022-02-24T04:30"),
    ("It began at 4:30 a.m. on Feb. 24, 2022.", "4:30 a.m. on Feb. 24, 2022", "2022-02-24T04:30"),
    ("The blast came at around 03:00 on Sunday.", "around 03:00 on Sunday", "2021-07-18T03:00"),
    ("The ultimatum expires at 1500 hours.", "1500 hours", "2021-07-23T15:00"),
    ("The dynasty fell half a century ago.", "half a century ago", "1971"),
    ("He returned half a year ago.", "half a year ago", "2021-01"),
    ("He ruled for a quarter of a century.", "a quarter of a century", "P25Y"),
    ("The siege lasted two-and-a-half years.", "two-and-a-half years", "P2Y6M"),
    ("The blast came at 14.30 on Tuesday.", "14.30 on Tuesday", "2021-07-20T14:30"),
    ("The offensive stalled in the winter of 2022-23.", "the winter of 2022-23", "2022-WI"),
    ("Drones struck overnight into Saturday.", "overnight into Saturday", "2021-07-16TNI"),
    ("He was seized in the early hours of Saturday.", "the early hours of Saturday", "2021-07-17"),
    ("Late on Thursday, rebels attacked.", "Late on Thursday", "2021-07-22"),
    ("Talks failed the week before last.", "the week before last", "2021-W27"),
    ("The year before last was hard.", "The year before last", "2019"),
    ("They meet the week after next.", "the week after next", "2021-W31"),
    ("Exports doubled over the past decade.", "the past decade", "P10Y"),  # the ten years up to now
    ("Prices may fall in the near term.", "the near term", "FUTURE_REF"),
    ("Profits rose in H1 2024.", "H1 2024", "2024-H1"),
    ("Revenue fell in FY23.", "FY23", "2023"),                                 # as "fiscal 2023"
    ("Troops had crossed by end-March 2020.", "end-March 2020", "2020-03"),
    ("Aid arrived in the first week of March.", "the first week of March", "2021-W09"),  # Mar 4 is mid-run
    ("The last week of February 2021 was bloody.", "The last week of February 2021", "2021-W08"),
    ("It began in the early hours of February 24, 2022.", "the early hours of February 24, 2022", "2022-02-24"),
    ("The blast came at 11.40pm last night.", "11.40pm last night", "2021-07-22T23:40"),
    ("He spoke at 9:30 this morning.", "9:30 this morning", "2021-07-23T09:30"),
    ("The trial is expected to last three weeks.", "three weeks", "P3W"),     # "last" is the verb
    ("The last three weeks were calm.", "The last three weeks", "P3W"),
    ("The bank will decide at 2 p.m. ET on Wednesday.", "2 p.m. ET on Wednesday", "2021-07-28T14:00"),
    ("The blast came at 8:45 a.m. (local time).", "8:45 a.m.", "2021-07-23T08:45"),
    ("Markets were calm early in the week.", "early in the week", "2021-W29"),
    ("Wars were common in the last century.", "the last century", "19"),      # "last" is no ordinal here
    ("Prices doubled over the past century.", "the past century", "P100Y"),   # as "the past decade"
    ("The 2014-2022 period saw heavy fighting.", "2014-2022", "2014/2022"),   # years, not a quarter of 2022
    ("The vote is on Monday next week.", "Monday next week", "2021-07-26"),
    ("Talks collapsed on Tuesday of last week.", "Tuesday of last week", "2021-07-13"),
    ("The deal is worth $2bn over five years.", "five years", "P5Y"),        # "over" as "during" stays out
    ("The meeting lasted over an hour.", "over an hour", "PT1H"),           # "over" as "more than" is in
    ("The strike began in mid-Feb.", "mid-Feb.", "2021-02"),
    ("Retailers expect record traffic on Black Friday.", "Black Friday", "2021-11-26"),
    ("GDP shrank in the April-June quarter.", "the April-June quarter", "2021-Q2"),
    ("He arrived in Washington on Tuesday local time.", "Tuesday local time", "2021-07-20"),
    ("It followed a week-long closure.", "week-long", "P1W"),                 # the article is the noun's
    ("The moratorium was extended by another three months.", "another three months", "P3M"),
    ("Families can now be reunited.", "now", "PRESENT_REF"),            # "can" is no article "an"
    ("The company has recently expanded.", "recently", "PAST_REF"),     # "has" is no "as"
    ("Revenue jumped 30 percent last quarter.", "last quarter", "2021-Q2"),  # the one before, not the fourth
    ("The justices will return on the first Monday in October.", "the first Monday in October", "2021-10-04"),
    ("The shops will close on the last Friday of May.", "the last Friday of May", "2022-05-27"),
    ("Clocks go back at 2 a.m. on Sunday, Nov. 7.", "2 a.m. on Sunday, Nov. 7", "2021-11-07T02:00"),
    ("Forecasters said the summer could be the driest on record.", "the summer", "2021-SU"),
    ("HSBC said pre-tax profit for H1 rose.", "H1", "2021-H1"),
    ("Staff will strike again a week from Friday.", "a week from Friday", "2021-07-30"),
    ("Staff will strike again a week on Friday.", "a week on Friday", "2021-07-30"),  # British
    ("It opened on 14 March this year.", "14 March this year", "2021-03-14"),
    ("Shops close the week before Christmas.", "the week before Christmas", "2021-W50"),
    ("It began the weekend of Sept. 13, 2008.", "the weekend of Sept. 13, 2008", "2008-W37-WE"),
    ("Pilgrims flocked to Rome for Easter week.", "Easter week", "2021-W13"),
    ("The Dow fell 145 points in the first half-hour of trading.", "the first half-hour", "PT30M"),
    ("They march every Anzac Day.", "every Anzac Day", "XXXX-04-25"),
    ("The show airs on Tuesday nights.", "Tuesday nights", "XXXX-WXX-2TNI"),
    ("Sales rose last March 3.", "last March 3", "2021-03-03"),  # Philippine usage: the latest such day
    ("The attack happened at 2.30pm last Tuesday.", "2.30pm last Tuesday", "2021-07-20T14:30"),
    ("The curfew starts at 18:00hrs today.", "18:00hrs today", "2021-07-23T18:00"),
    ("The law took effect at midnight last night.", "midnight last night", "2021-07-22T24:00"),
    ("Ten countries joined the union at midnight.", "midnight", "2021-07-22T24:00"),  # a midnight just gone
    ("Talks will resume in the new year.", "the new year", "2022"),
    ("Kenyatta will speak on Madaraka Day.", "Madaraka Day", "2022-06-01"),
    ("The teams will meet every two weeks after that.", "every two weeks", "P2W"),
    ("The truce takes effect at midnight local time.", "midnight local time", "2021-07-23T24:00"),
    ("Sales will fall in the first two quarters of 2022.", "the first two quarters of 2022", "2022-H1"),
    ("A generation ago, nobody cared.", "A generation ago", "PAST_REF"),
    ("The deadline is March 31 next year.", "March 31 next year", "2022-03-31"),
    ("It was signed on Oct. 8 last year.", "Oct. 8 last year", "2020-10-08"),
    ("The assault began at night, hours after a ceasefire was announced.", "hours", "PTXH"),
    ("On Christmas war broke out in the north.", "Christmas", "2020-12-25"),  # no "Christmas war" after "On"
    ("They will strike on August 6 and a second time later.", "August 6", "2021-08-06"),  # no rate "6 and a second"
    ("The plane circled for a half-hour.", "a half-hour", "PT30M"),
    ("The ceremony lasted three hours and 34 minutes.", "three hours and 34 minutes", "PT3H34M"),
    ("He served two years and three months.", "two years and three months", "P2Y3M"),
    ("It took two days and 5 hours.", "two days and 5 hours", "P2DT5H"),
    ("Sales for the nine months rose 4%.", "the nine months", "P9M"),  # "the" as TimeBank spans it
    ("For the week, the Dow lost 6.9%.", "the week", "2021-W29"),
    ("Stocks rallied for the week as investors bet on a cut.", "the week", "2021-W29"),
    ("In the year-earlier third quarter, net income fell.", "the year-earlier third quarter", "2020-Q3"),
    ("The building collapsed shortly after 9 o'clock this morning.", "9 o'clock this morning", "2021-07-23T09:00"),
    ("Traffic was heavy on Easter Monday.", "Easter Monday", "2021-04-05"),
    ("The fireworks will start and last 12 minutes.", "12 minutes", "PT12M"),
    ("Shares rose over the past fortnight.", "the past fortnight", "P2W"),
    ("Protesters march every weekend.", "every weekend", "XXXX-WXX-WE"),
    ("Rebuilding could take years.", "years", "PXY"),
    ("It will cut jobs by the end of the second quarter.", "the end of the second quarter", "2021-Q2"),
    ("He was elected 30 years ago this week.", "30 years ago this week", "1991-W30"),
    ("Sales fell from a year ago this month.", "a year ago this month", "2020-07"),
    ("The attack came a week ago today.", "a week ago today", "2021-07-16"),
    ("The truce was agreed two weeks ago on Tuesday.", "two weeks ago on Tuesday", "2021-07-06"),
])
def test_more_expressions(text, surface, value):
    assert one(text)[::2] == (surface, value)


@pytest.mark.parametrize("text, value", [
    ("The report was released on 10/05/2021.", "2021-05-10"),   # May 10 is past, Oct. 5 would be to come
    ("The report was released on 3/4/2021.", "2021-03-04"),     # both past: month first
    ("The report was released on 13/04/2021.", "2021-04-13"),   # 13 cannot be a month
    ("The vote will be held on 8/9/2021.", "2021-08-09"),
])
def test_slash_dates_read_month_or_day_first(text, value):
    assert one(text)[2] == value


def test_a_sentence_that_opens_with_a_year_gives_its_partial_dates_that_year():
    assert tags("Last year, the two sides held talks in March and April.") == [
        ("Last year", "DATE", "2020"), ("March", "DATE", "2020-03"), ("April", "DATE", "2020-04")]
    assert tags("In 2014, Russia annexed Crimea in March.")[1] == ("March", "DATE", "2014-03")
    # a day that opens the sentence does not: the clause's tense still decides
    assert tags("On Monday, officials said talks would resume in March.")[1] == ("March", "DATE", "2022-03")
    # nor does a year inside the sentence that belongs to another clause
    assert tags("A plan approved in 1987 let it buy shares through Sept. 29.")[1][2] == "2020-09-29"


def test_a_partial_date_near_a_day_written_in_full_shares_its_year():
    assert tags("The summit opened on May 10, 2019. Talks resumed on May 12 and ended on June 30.") == [
        ("May 10, 2019", "DATE", "2019-05-10"), ("May 12", "DATE", "2019-05-12"), ("June 30", "DATE", "2019-06-30")]
    # a month named in full is background, not the story's day; and a far date keeps the tense's year
    assert tags("The truce of August 1988 held. Iraq invaded Kuwait on Aug. 2.")[1][2] == "2021-08-02"
    assert tags("The summit opened on May 10, 2019. Elections were held on Dec. 1.")[1][2] == "2020-12-01"
    # a birth date is background, not the story's day
    assert tags("Smith, born on June 1, 1950, was arrested on June 3.")[1][2] == "2021-06-03"


def test_a_day_of_the_month_alone_takes_the_month_of_the_story():
    assert tags("Talks opened on Feb. 4. On the 6th, they broke down.")[1] == ("the 6th", "DATE", "2021-02-06")
    # with no earlier month, or one the tense rules out, the tense picks this month, the last or the next
    assert one("He left on the 30th.")[2] == "2021-06-30"
    assert one("He will return on the 2nd.")[2] == "2021-08-02"
    assert tags("He lives on the 6th floor and voted on the 2nd and 3rd.") == []


def test_a_year_or_relative_year_owning_a_quarter_or_half():
    assert one("In 2023's first quarter, output fell.")[::2] == ("2023's first quarter", "2023-Q1")
    assert one("Last year's second half was weak.")[::2] == ("Last year's second half", "2020-H2")


@pytest.mark.parametrize("text, published, value", [
    # "unspecified" after an article is an adjective, so "would" sets the tense: next January
    ("The split would be paid on a still unspecified date in January.", FRI, "2022-01"),
    ("The vote, set for Nov. 3, was postponed.", FRI, "2021-11-03"),
    # a present-tense schedule points forward, whatever else the clause says
    ("The record date is Feb. 9, the company said.", FRI, "2022-02-09"),
    ("The runoff is on Tuesday.", FRI, "2021-07-27"),
    # "since" puts what follows before publication; a past auxiliary carries the future after it
    ("The index has gained 4% since year-end.", date(2021, 10, 29), "2020-12-31"),
    ("Protesters planned a rally on Saturday and were planning to march.", FRI, "2021-07-24"),
    ("In September, it announced plans to buy the unit.", date(2021, 10, 29), "2021-09"),
    # a pluperfect plan is one of the past: the deadline it names has gone
    ("The offer had been scheduled to expire at midnight Friday.", date(2021, 7, 26), "2021-07-23T24:00"),
    # a timetable verb in the present looks forward; its bare form after "to" does not decide
    ("Voting ends on Wednesday.", FRI, "2021-07-28"),
    ("The law takes effect Jan. 1.", FRI, "2022-01-01"),
    ("The offer had been due to expire Tuesday evening.", FRI, "2021-07-20TEV"),
    # "until" sets a deadline to come, unless it opens the sentence
    ("Officials postponed any action until Tuesday.", FRI, "2021-07-27"),
    ("Until Thursday, they had not called him a suspect.", FRI, "2021-07-22"),
    # but what a past clause says lasted "until" a date ended before publication
    ("He served as minister until January.", date(2024, 3, 15), "2024-01"),
    ("The talks lasted until Tuesday.", FRI, "2021-07-20"),
    ("The ban remains in force until January.", date(2024, 3, 15), "2025-01"),
    ("They gave Iraq until noon Saturday to withdraw.", FRI, "2021-07-24T12:00"),
    # so does a postponement: "pushed back to June" in a past clause is the June to come
    ("The vote was pushed back to June.", date(2024, 3, 15), "2024-06"),
    ("The talks were rescheduled for Sept. 3.", date(2024, 3, 15), "2024-09-03"),
    # "since" makes a date a starting point up to publication, never after it, however near the next one is
    ("The embassy has been closed since August.", FRI, "2020-08"),
    ("It was his first trip abroad since taking office in August.", FRI, "2020-08"),
    ("Trade has slumped since the elections in September.", FRI, "2020-09"),
    # an eventive verb in the present after a subject is a plan; after a determiner it is a plural noun
    ("Parliament votes on the bill on Tuesday.", FRI, "2021-07-27"),
    ("Biden hosts Zelenskiy at the White House on Thursday.", FRI, "2021-07-29"),
    ("His visits on Tuesday angered Moscow.", FRI, "2021-07-20"),
    # after a modal (and a verb) a past form is a participle or a base form, not a past tense
    ("The exchange will remain shut at least until Friday.", date(2022, 3, 15), "2022-03-18"),
    ("Churches will hold subdued services on Tuesday.", date(2024, 12, 23), "2024-12-24"),
    ("The council is expected to hold closed consultations on Wednesday.", date(2021, 3, 29), "2021-03-31"),
    ("The minister said the shipment should arrive on Thursday.", date(2024, 5, 6), "2024-05-09"),
    ("The army said the withdrawal should be complete by Friday.", date(1999, 7, 13), "1999-07-16"),
    ("The tariffs take effect on Friday, and Beijing said it would respond.", date(2018, 7, 3), "2018-07-06"),
    ("The ministry had planned to open the bridge in May, but the work is late.", date(2023, 2, 10), "2023-05"),
    ("Negotiators had hoped to finish the talks by October, but they stalled.", date(2023, 1, 20), "2022-10"),
    ("The parliament had been expected to vote on the budget on Thursday.", date(2024, 3, 12), "2024-03-14"),
    ("Elections originally scheduled for June were postponed.", date(2021, 8, 20), "2021-06"),
    ("A referendum set for October was called off.", date(2021, 8, 2), "2021-10"),
    ("Talks set for Wednesday were called off.", date(2021, 3, 2), "2021-03-03"),
    ("The trial, originally scheduled to open in June, was postponed.", date(1996, 8, 22), "1996-06"),
    ("The vote was delayed again. It had first been scheduled for Thursday.", date(2018, 2, 24), "2018-02-22"),
    ("Elections that had been promised for December were pushed back.", date(2023, 9, 6), "2023-12"),
    ("Students had demanded that the ceremony take place on Wednesday.", date(2024, 8, 8), "2024-08-07"),
    ("Israelis go to the polls Tuesday.", date(2003, 1, 23), "2003-01-28"),
    ("Romanians vote Sunday in a rerun of the election the court annulled.", date(2025, 5, 1), "2025-05-04"),
    ("The party won an overwhelming vote on Sunday.", date(2025, 5, 1), "2025-04-27"),
    ("Lawmakers will go home, leaving the bill unresolved until September.", date(1994, 6, 17), "1994-09"),
    ("Officials lifted the curfew with effect from Saturday evening, police said.", date(2021, 5, 16),
     "2021-05-15TEV"),
    ("The state announced a lockdown with effect from Saturday evening.", date(2021, 4, 15), "2021-04-17TEV"),
    ("New duties will be effective from Monday.", date(2026, 3, 11), "2026-03-16"),
    ("The president declared Thursday a public holiday.", date(2008, 11, 5), "2008-11-06"),
    ("Markets were shut on Monday, a public holiday.", date(2008, 11, 5), "2008-11-03"),
    # "was due" without "to" is a deadline already passed; with "to", a plan made in the past
    ("Tax returns were due Tuesday night.", date(2018, 4, 18), "2018-04-17TNI"),
    ("The minister was due to arrive on Monday.", date(2018, 4, 18), "2018-04-16"),  # either side: the nearer
    ("The stock is down 40 percent from its September peak.", date(2013, 6, 28), "2012-09"),
    # a month just ended in a future clause is the one yet to be reported on
    ("Economists expect little improvement in June.", date(2011, 7, 1), "2011-06"),
    # a participle after a preposition, a "with" phrase or a prefix is no past tense: the present schedule decides
    ("Tariffs on imported cars take effect on Wednesday.", date(2025, 3, 31), "2025-04-02"),
    ("Trading will be thin, with markets closed on Friday.", date(2015, 12, 28), "2016-01-01"),
    ("The assembly re-elected its president on Saturday, ahead of the swearing-in.", date(2013, 1, 7), "2013-01-05"),
    # a modal of possibility before an active verb looks forward; before "be" or "have" it does not decide
    ("Forecasters said a storm could arrive early Thursday.", date(1995, 1, 3), "1995-01-05"),
    # eventive verbs in the present after a subject, singular or plural, are plans
    ("Jimmy Carter turns 100 on Tuesday.", date(2024, 9, 30), "2024-10-01"),
    ("Parliament returns on Tuesday.", date(2019, 9, 30), "2019-10-01"),
    ("The Warriors host the Cavaliers on Thursday.", date(2015, 6, 1), "2015-06-04"),
    ("They did not host the talks on Thursday.", date(2015, 6, 1), "2015-05-28"),
    # a half not begun is no past one; "the quarter" that ends is the current one
    ("Profit rose in the second half.", date(1998, 6, 30), "1997-H2"),
    # a present-tense state before "until" keeps the deadline ahead, whatever the reporting verb
    ("Aid groups warned that the rainy season, which lasts until October, is cutting off roads.",
     date(2004, 7, 27), "2004-10"),
    # a commitment looks forward ("vowed to stage protests on Friday"); a plan verb after a number is a noun
    ("Supporters vowed to stage fresh protests on Friday.", date(2013, 7, 4), "2013-07-05"),
    ("In February the two governments agreed to begin talks.", date(1990, 6, 15), "1990-02"),  # made back then
    ("They last met face to face on March 7.", date(2022, 3, 30), "2022-03-07"),  # "face" is no plan here
    ("Employees will get a paid holiday on Monday.", date(2017, 12, 28), "2018-01-01"),  # "paid": an adjective
    ("Ahead of Sunday's runoff, ballots were printed.", date(2023, 5, 25), "2023-05-28"),
    ("The cabinet decided to postpone the elections until the autumn.", date(1996, 3, 4), "1996-FA"),
    ("Kerry was considering flying to Geneva on Saturday.", date(2013, 11, 22), "2013-11-23"),
    ("The Senate had approved the bill by 89 votes to 8 on Tuesday.", date(2013, 1, 2), "2013-01-01"),
    # a past form in a "with" phrase is a participle
    ("Trading will be thin, with markets closed on Friday.", date(2015, 12, 28), "2016-01-01"),
    # an invitation is to something to come
    ("The president has invited leaders to the White House on Friday.", date(2019, 1, 3), "2019-01-04"),
    ("The official said the accession was planned for early June.", date(2021, 3, 20), "2021-06"),
    # "starting" says nothing of tense: the past clause decides ("an ultimatum ... starting at noon Saturday")
    ("He issued an ultimatum starting at noon Saturday.", date(2021, 7, 26), "2021-07-24T12:00"),
])
def test_the_clause_s_tense_resolves_a_date_without_a_year(text, published, value):
    assert one(text, published)[2] == value


def test_tense_cues_in_clauses():
    assert tags("A two-day summit opens in Brussels on Thursday.")[1][2] == "2021-07-29"
    # "through" sets a deadline as "until" does; "to keep" keeps it ahead of a past clause
    assert tags("Congress passed a bill on Thursday to keep the government funded through Dec. 3.",
                date(2021, 9, 30))[1][2] == "2021-12-03"
    # the clock times of a range share the day written at one of them
    assert [t[2] for t in tags("Polls will be open from 7 a.m. to 9 p.m. on October 15.", date(2024, 9, 30),
                               join_ranges=False)] == ["2024-10-15T07:00", "2024-10-15T21:00"]
    # an attribution after a comma does not decide against a future cue on the left
    assert tags("A curfew will begin at 8 p.m. on Tuesday and last until 7 a.m. on Thursday, the mayor said.",
                date(2022, 3, 15))[1][2] == "2022-03-17T07:00"
    # the month of a figure: one begun, or in a future clause one just ended and yet to be reported
    assert tags("It will release the December jobs report next Friday.", date(2015, 1, 2))[0][2] == "2014-12"
    # "beat" is a past tense; "quarter-finals" is no quarter
    assert tags("Brazil beat Chile on Saturday to reach the quarter-finals.", date(1998, 6, 30)) == [
        ("Saturday", "DATE", "1998-06-27")]
    assert tags("The quarter ends today.", date(2024, 9, 30))[0][2] == "2024-Q3"
    # "since" is counted from publication, not from a date written just before
    assert tags("The truce took hold on Nov. 10, 2020. Since December, activists have blocked the road.",
                date(2023, 9, 20))[1][2] == "2022-12"
    assert tags("The Games, which opened on July 27, end on Sunday.", date(2012, 8, 6))[1][2] == "2012-08-12"
    assert tags("The Senate will vote Tuesday, with reforms left for the fall.", date(2021, 8, 9))[1][2] == "2021-FA"
    # a dividend "payable" on a date and a plan "for" one look forward from a past clause
    assert tags("It declared a dividend payable Dec. 15 to holders of record Nov. 17.", date(2021, 10, 2)) == [
        ("Dec. 15", "DATE", "2021-12-15"), ("Nov. 17", "DATE", "2021-11-17")]


def test_a_day_counted_from_a_year_or_month_keeps_only_what_is_known():
    found = tags("In 2019, prices fell. Trades made that day lost money; the following week they recovered.")
    assert [v for _, _, v in found] == ["2019", "2019-XX-XX", "2019-WXX"]
    assert tags("He was killed last October. His name was crossed out that same day.")[1] == (
        "that same day", "DATE", "2020-10-XX")
    assert calendar.interval("2020-10-XX")[2] == "month" and calendar.interval("2019-XX-XX")[2] == "year"
    assert tags("Two years ago it rained. A month earlier he left.")[1][2] == "2019-XX"
    assert tags("Talks opened on March 4. The next day they failed.")[1][2] == "2021-03-05"


@pytest.mark.parametrize("text, published, value", [
    ("The president will face a runoff after Sunday's first round.", date(2022, 5, 31), "2022-05-29"),
    ("The commission will publish the results of Monday's election.", date(2010, 8, 14), "2010-08-09"),
    ("The government has promised more polling stations for Sunday's runoff.", date(2014, 11, 14), "2014-11-16"),
    ("Banks will stay closed until after Sunday's referendum.", date(2015, 6, 30), "2015-07-05"),
    ("Supporters rallied before Sunday's vote.", date(2024, 3, 14), "2024-03-17"),
    ("He promised not to run in September's election.", date(2011, 2, 2), "2011-09"),
    ("Diplomats said Thursday's summit would give mediation more time.", date(2023, 8, 8), "2023-08-03"),
])
def test_a_possessive_date_looks_the_way_its_preposition_or_clause_does(text, published, value):
    assert tags(text, published)[0][2] == value


def test_a_possessive_weekday_is_the_day_of_a_thing_already_told():
    text = "Rebels and the government signed a truce on Monday. Under Monday's agreement, prisoners will be freed."
    assert [v for _, _, v in tags(text, date(2025, 3, 12))] == ["2025-03-10", "2025-03-10"]
    same_sentence = "Berlin will decide by Friday, after allies failed to agree at Friday's meeting."
    assert [v for _, _, v in tags(same_sentence, date(2023, 1, 24))] == ["2023-01-27", "2023-01-20"]


def test_overnight_is_the_night_before_the_day_its_sentence_names():
    found = tags("Zelensky spoke on Friday. Missiles struck Kyiv overnight, the air force said on Monday.",
                 date(2024, 6, 17))
    assert [t[2] for t in found] == ["2024-06-14", "2024-06-16TNI", "2024-06-17"]


def test_overnight_is_the_night_before_the_day_the_story_is_at():
    monday = date(2021, 7, 26)
    found = tags("London shares fell sharply Friday, hit by overnight losses in New York.", monday)
    assert found == [("Friday", "DATE", "2021-07-23"), ("overnight", "TIME", "2021-07-22TNI")]
    assert one("Shelling continued overnight.", monday)[2] == "2021-07-25TNI"


def test_year_end_is_the_year_but_a_year_end_figure_is_its_last_day():
    assert one("Prices will fall by year end.")[::2] == ("year end", "2021")
    assert one("The year-end figures were weak.")[::2] == ("year-end", "2020-12-31")  # past: the last one
    monday = date(2021, 7, 26)  # Thursday is 4 days back and 3 ahead; a possessive looks back
    assert one("The bonds are convertible at a premium over Thursday's closing price.", monday)[2] == "2021-07-22"


def test_a_guard_on_the_text_before_does_not_look_past_a_newline():
    # "not after a digit" must not see the "8" of a date line across the newline
    assert tags("April 9, 2008\nFive years after its launch, sales doubled.")[-1] == ("Five years", "DURATION", "P5Y")


def test_numbers_that_are_not_years():
    assert tags("About 1,500 troops and 2000 tanks took part, with $1990 raised.") == []
    assert tags("Under Resolution 1973, jets flew from 1600 Pennsylvania Avenue on Flight 2021.") == []


# ---- the calendar ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, first, last, precision", [
    ("2015-W38", "2015-09-14", "2015-09-20", "week"),
    ("2015-09", "2015-09-01", "2015-09-30", "month"),
    ("2021-Q3", "2021-07-01", "2021-09-30", "quarter"),
    ("2021-WI", "2021-12-01", "2022-02-28", "season"),
    ("199", "1990-01-01", "1999-12-31", "decade"),
    ("2021-W28-WE", "2021-07-17", "2021-07-18", "day"),
])
def test_intervals(value, first, last, precision):
    a, b, p = calendar.interval(value)
    assert (a.isoformat(), b.isoformat(), p) == (first, last, precision)


def test_holidays_follow_their_rules():
    assert one("Shops closed on Thanksgiving 2021.")[2] == "2021-11-25"
    assert one("Pilgrims gathered on Easter Sunday 2024.")[2] == "2024-03-31"


@pytest.mark.parametrize("text, value", [
    ("Egypt and Syria attacked on Yom Kippur of 1973.", "1973-10-06"),   # Hebrew calendar (Gauss)
    ("Families met for Passover 2024.", "2024-04-23"),
    ("Rosh Hashanah 2023 passed quietly.", "2023-09-16"),
    ("Churches held services for Orthodox Easter 2023.", "2023-04-16"),  # Julian computus
    ("Shelling resumed on Orthodox Christmas 2023.", "2023-01-07"),
    ("A truce held over Eid al-Fitr 2024.", "2024-04-10"),               # tabular Islamic calendar
    ("Pilgrims gathered for Eid al-Adha 2000.", "2000-03-16"),
    ("Markets closed for Lunar New Year 2024.", "2024-02-10"),          # new moon (Meeus), China time
    ("Crowds gathered for Chinese New Year 1968.", "1968-01-30"),
    ("Navruz 2021 was celebrated in Dushanbe.", "2021-03-21"),
])
def test_holidays_of_other_calendars(text, value):
    assert one(text)[2] == value


def test_the_last_week_of_something_is_not_last_week():
    assert tags("In the last week of the campaign he spoke; in the last decade of the 20th century war raged.") == [
        ("the 20th century", "DATE", "19")]


def test_a_holiday_in_the_name_of_an_event_is_no_date():
    assert tags("The Tet offensive began during Tet in 1968, long before the Yom Kippur War.") == [
        ("Tet in 1968", "DATE", "1968-01-30")]
    assert tags("The Good Friday Agreement held.") == []


def test_the_lunar_new_year_falls_on_the_known_dates():
    known = {2001: "01-24", 2007: "02-18", 2012: "01-23", 2015: "02-19", 2020: "01-25", 2023: "01-22",
             2026: "02-17"}
    assert {y: calendar.lunar_new_year(y).isoformat()[5:] for y in known} == known


def test_today_s_as_the_present_age_is_no_date():
    assert tags("In today's world, today's youth and today's personal computers differ.") == []
    assert one("Today's vote was delayed.")[::2] == ("Today", "2021-07-23")


def test_any_text_gives_ordered_spans_inside_it():
    import random

    rnd = random.Random(7)
    pieces = ["Aug.", "5", "-", "10", ",", "2021", "next", "week", "last", "Friday", "May", "the", "ago", "two",
              "years", "3 p.m.", "'90s", "quarter", "third", "since", "will", "said", " ", ".", "’", "\n"]
    for _ in range(500):
        text = " ".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 25)))
        for published in (FRI, None):
            found = timex.tag(text, published)
            assert all(text[t.start:t.end] == t.text for t in found)
            assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
    # at the ends of the calendar, arithmetic that leaves it gives no value, not a crash
    for published in (date(1, 1, 1), date(9999, 12, 31)):
        found = timex.tag("This weekend, 3000 years ago, Lunar New Year fell on Monday the 6th.", published)
        assert found[0].text == "This weekend" and not any(t.value.startswith("-") for t in found)
    # nor a value outside the years 0-9999
    assert [t.value for t in timex.tag("Next month will tell.", date(9999, 12, 31))] == ["XXXX-XX"]
    assert timex.tag("In the '90s it was calm.", date(1, 1, 1)) == []
    # a holiday counted from a year the calendar cannot hold ("the first century") is no date, not a crash
    assert [t.text for t in timex.tag("In the first century, the Lunar New Year fell on the 6th.", None)] == [
        "the first century", "Lunar New Year", "the 6th"]


def test_the_words_a_rule_requires_never_hide_a_match(monkeypatch):
    import dataclasses
    from pathlib import Path

    from extract.timex import rules

    texts = [p.read_text(encoding="utf-8") for p in (Path(__file__).parents[1] / "data" / "articles").glob("*.txt")]
    texts.append("Two  weeks\nlater, at 3 p.m. EST, the year-earlier quarter ended; in the\nmorning of the 1990s, "
                 "every Thursday for the past three summers, half an hour from now, a year or so ago.")
    with_check = [timex.tag(t, FRI) for t in texts]
    unchecked = tuple(dataclasses.replace(r, requires=()) for r in rules.load())
    monkeypatch.setattr(rules, "load", lambda: unchecked)
    assert [timex.tag(t, FRI) for t in texts] == with_check


def test_a_word_class_regex_matches_what_a_longest_first_alternation_matches():
    import re

    from extract import knowledge
    from extract.timex import words

    data = knowledge.toml_data("timex/words.toml")
    for name in ("MONTH", "MONTH_ABBR", "WEEKDAY", "NUMBER", "ORDINAL", "UNIT", "UNITS", "TIMEZONE", "COUNTED"):
        listed = sorted(data[name], key=len, reverse=True)
        alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in listed)
        flat = re.compile(f"(?-i:{alternation})" if name in data["case_sensitive"]["classes"] else alternation, re.I)
        trie = re.compile(words.class_pattern(name), re.I)
        for w in listed:
            for probe in (w, w.upper(), w + "s later", w.replace(" ", "  "), w[:-1]):
                assert (m := trie.match(probe)) and m.group(0) == flat.match(probe).group(0) or not flat.match(probe)


def test_a_week_on_a_weekday_is_an_offset_only_before_the_day_itself():
    assert tags("They spent a week on Friday's plans.") == [
        ("a week", "DURATION", "P1W"), ("Friday", "DATE", "2021-07-23")]


def test_a_weekday_planned_would_style_is_the_first_after_the_day_it_was_told_else_the_nearest():
    assert tags("The ministry said Tuesday it would hold talks on Wednesday.", date(2014, 10, 16)) == [
        ("Tuesday", "DATE", "2014-10-14"), ("Wednesday", "DATE", "2014-10-15")]
    assert tags("The opposition said on Monday it would march on Saturday.", date(2024, 3, 18)) == [
        ("Monday", "DATE", "2024-03-18"), ("Saturday", "DATE", "2024-03-23")]
    assert tags("The envoy was due to arrive on Tuesday, but his flight was cancelled.", date(2015, 6, 24)) == [
        ("Tuesday", "DATE", "2015-06-23")]


def test_live_blog_stamps_and_clock_times_in_local_time():
    text = ("Ukraine live: 05:55 Kyiv time (03:55 GMT) - Putin announces an operation. 06:30 - Explosions are "
            "heard in Kyiv. 1455 - Witnesses see smoke.")
    assert tags(text, date(2022, 2, 24)) == [
        ("05:55 Kyiv time", "TIME", "2022-02-24T05:55"), ("03:55 GMT", "TIME", "2022-02-24T03:55"),
        ("06:30", "TIME", "2022-02-24T06:30"), ("1455", "TIME", "2022-02-24T14:55")]
    assert tags("Wagner columns were 200 km from Moscow at 1705 local time.", date(2023, 6, 24)) == [
        ("1705 local time", "TIME", "2023-06-24T17:05")]
    # a year heading a chronology's entry stays a year; a score is no stamp
    assert tags("2014 - Russia annexes Crimea. The score was 21:15 - a rout.") == [("2014", "DATE", "2014")]


def test_a_chronology_entry_s_historical_present_does_not_move_its_date():
    text = ("Key dates: Dec. 11, 1994 - Russian troops enter Chechnya. Dec. 31 - A first assault on Grozny "
            "begins. Feb. 22 - Commanders agree a short truce.")
    assert [v for _, _, v in tags(text, date(1995, 3, 19))] == ["1994-12-11", "1994-12-31", "1995-02-22"]


def test_a_clock_time_restated_in_another_zone_does_not_move_the_story():
    text = "Rockets hit the hotel at 6:10 a.m. Sunday (0310 GMT). A curfew had ended 10 minutes earlier."
    assert tags(text, date(2003, 10, 26))[-1] == ("10 minutes earlier", "TIME", "2003-10-26T06:00")


def test_named_things_are_no_time():
    assert tags("Leaders met at the Summit of the Future in New York.") == []
    assert tags("He was arrested on another day.") == []
    assert tags("Tariq Ramadan spoke. A Ramadan truce collapsed.") == []


@pytest.mark.parametrize("text, published, value", [
    ("Russian missiles hit a station as Ukraine marked Independence Day.", date(2022, 8, 25), "2022-08-24"),
    ("Kyiv celebrated Independence Day with a parade of captured tanks.", date(2022, 8, 25), "2022-08-24"),
    ("Crowds watched fireworks on Independence Day.", date(2022, 8, 25), "2022-07-04"),  # no country: the default
    ("China held a military parade in Beijing on National Day.", date(2019, 10, 2), "2019-10-01"),
    ("India's Republic Day parade was held in New Delhi.", date(2022, 8, 25), "2022-01-26"),
    ("Ramaphosa marked Freedom Day, 30 years after South Africans first voted freely.", date(2024, 4, 29),
     "2024-04-27"),
    ("Bangladesh celebrated Victory Day.", date(2022, 12, 20), "2022-12-16"),
])
def test_a_national_day_is_that_of_the_country_mentioned_nearest(text, published, value):
    assert tags(text, published)[0][2] == value


def test_a_national_day_of_no_country_named_is_not_dated():
    assert tags("National Day was quiet this year.", date(2022, 8, 25)) == [("this year", "DATE", "2022")]


def test_a_deadline_after_a_modal_looks_forward_but_not_one_after_a_later_past_cue():
    assert one("Crews said customers could be without power until Wednesday.", date(1996, 11, 11))[2] == "1996-11-13"
    assert one("They said the bridge would stay closed until Friday.", date(1996, 11, 11))[2] == "1996-11-15"
    assert tags("Jakarta said it would reverse a position it had held until Monday.", date(1999, 9, 9))[0][2] == \
        "1999-09-06"


def test_an_evening_clock_time_falls_in_the_night_last_named():
    text = ("A bomber killed 22 people at a concert on Monday night, police said on Tuesday, the deadliest attack "
            "since July 2005. The blast happened at about 10:30 p.m.")
    assert tags(text, date(2017, 5, 23))[-1][1:] == ("TIME", "2017-05-22T22:30")


@pytest.mark.parametrize("text, published, value", [
    ("“Tomorrow, we vote,” the FCC chairman told a conference on Wednesday.", date(2017, 12, 14), "2017-12-14"),
    ("“I spoke to him the day before yesterday,” the coach said in an interview on Tuesday.", date(1996, 9, 25),
     "1996-09-22"),
    ("He told supporters in Greenville last night that he would campaign “all day tomorrow” in Michigan.",
     date(2000, 2, 20), "2000-02-20"),
    # the day of the saying, not a day inside what was said
    ("Answering questions on Tuesday, the minister said inspectors had left the previous evening and that a "
     "resolution would be circulated “tomorrow.”", date(1997, 11, 19), "1997-11-19"),
    # said today, or no day of saying: from publication
    ("“We will vote tomorrow,” he said.", date(2017, 12, 14), "2017-12-15"),
])
def test_a_quoted_relative_day_counts_from_the_day_it_was_said(text, published, value):
    quoted = [v for s, _, v in tags(text, published) if s.lower().endswith(("tomorrow", "yesterday"))]
    assert quoted == [value]


def test_a_number_of_people_this_morning_is_no_clock_time():
    assert tags("Strikes killed 8 this morning.", date(2005, 7, 2)) == [("this morning", "TIME", "2005-07-02TMO")]
    assert tags("In this hour of need, we stand together.") == []


@pytest.mark.parametrize("text, published, surface, value", [
    # chronologies, institutions' releases, translated news
    ("The Council extended the sanctions for another year.", date(2026, 2, 19), "another year", "P1Y"),
    ("Shelling intensified on the eve of Victory Day.", date(2000, 5, 10), "the eve of Victory Day", "2000-05-08"),
    ("Talks will resume on the eve of the Lunar New Year.", date(2024, 2, 5), "the eve of the Lunar New Year",
     "2024-02-09"),
    ("The panel studied the September 11 attacks.", date(2004, 7, 22), "September 11", "2001-09-11"),
    ("Updated 3 hours ago.", date(2007, 10, 20), "3 hours ago", "2007-10-20"),
    ("A state of emergency was declared until 6 a.m. Thursday.", date(2010, 4, 7), "6 a.m. Thursday",
     "2010-04-08T06:00"),
    ("Mediators set a deadline of noon Saturday.", date(1999, 2, 14), "noon Saturday", "1999-02-20T12:00"),
    ("The president-elect, who takes office on March 11, spoke.", date(2026, 1, 6), "March 11", "2026-03-11"),
    ("China held a parade on Tuesday, and the holiday runs until Monday.", date(2019, 10, 2), "Monday",
     "2019-10-07"),
    # Ramadan as the calendar month holding most of it
    ("Offices will work shorter hours during Ramadan.", date(2008, 9, 9), "Ramadan", "2008-09"),
    ("The holy month of Ramadan begins next week.", date(2025, 2, 24), "The holy month of Ramadan", "2025-03"),
    # a future clause after a day written in full is not that day's year
    ("The massacre began on 12 July 1995. The court will hear closing arguments in September.",
     date(2005, 7, 13), "September", "2005-09"),
    # briefings and interviews as reported
    ("Polls opened at 7 this morning.", date(2009, 8, 20), "7 this morning", "2009-08-20T07:00"),
    ("An update will be given around 11 tonight.", date(2005, 7, 2), "around 11 tonight", "2005-07-02T23:00"),
    ("The talks resume Monday week.", date(2003, 10, 8), "Monday week", "2003-10-20"),
    ("The strike begins at 0600 hours Zulu tomorrow.", date(2001, 11, 29), "0600 hours Zulu tomorrow",
     "2001-11-30T06:00"),
    ("Offices closed on New Year’s Day.", date(2001, 1, 3), "New Year’s Day", "2001-01-01"),
    ("Troops are moving as we speak.", date(2022, 2, 24), "as we speak", "PRESENT_REF"),
    ("Fighting continues at this hour.", date(2022, 2, 24), "this hour", "PRESENT_REF"),
    ("He told parliament on Thursday the bill had been “agreed the night before.”", date(2006, 10, 28),
     "the night before", "2006-10-25TNI"),
    # a night before a day still to come is not that day's eve
    ("A spokesman said the pullback had begun overnight and would be complete by Sunday.", date(2026, 5, 15),
     "overnight", "2026-05-14TNI"),
    # weekdays whose direction the grammar decides
    ("The envoy said the ceasefire, agreed to Friday, had largely held.", date(1998, 8, 31), "Friday", "1998-08-28"),
    ("The government submitted proposals late Thursday, ahead of a Sunday summit.", date(2015, 7, 10), "Sunday",
     "2015-07-12"),
    ("The ultimatum delivered Monday night means the deadline falls at 8 p.m. Wednesday.", date(2003, 3, 18),
     "8 p.m. Wednesday", "2003-03-19T20:00"),
    ("Protest leaders said they would name their own council on Sunday.", date(2019, 4, 17), "Sunday",
     "2019-04-21"),
    ("Officials said the recount ordered Wednesday would be completed by Tuesday.", date(2000, 11, 9), "Tuesday",
     "2000-11-14"),
    # said at a time named, or said earlier ("had told"): the nearer
    ("The government said last week it would hold talks on Monday, but no invitation came.", date(2013, 12, 10),
     "Monday", "2013-12-09"),
    # "to" before a second weekday is no range when no "and" joins them
    ("The vote, planned for next Tuesday, had been brought forward to Sunday.", date(1995, 6, 16), "Sunday",
     "1995-06-18"),
    # "former" is a title, no tense; "named" before an object is a past tense, "planned" before one dates the plan
    ("He is due to meet former President Uribe, the leader of the No campaign, on Wednesday.", date(2016, 10, 4),
     "Wednesday", "2016-10-05"),
    ("Niger's rulers named a civilian as prime minister on Monday, defying leaders who are due to meet.",
     date(2023, 8, 8), "Monday", "2023-08-07"),
    ("Protesters planned a large demonstration on Saturday.", date(2000, 1, 7), "Saturday", "2000-01-08"),
    # what was said is a clause of its own; "before" a date still to come
    ("Officials warned that conditions on Saturday would be worse.", date(2020, 1, 2), "Saturday", "2020-01-04"),
    ("Markets are betting on no change before the summer.", date(2003, 12, 12), "the summer", "2004-SU"),
    ("Mr. Gerstner said Friday. Nestle's share of 7% before Friday's purchases is far below its rivals'.",
     date(1989, 10, 30), "Friday", "1989-10-27"),
    ("Firefighters braced for stronger winds on Tuesday.", date(2025, 1, 13), "Tuesday", "2025-01-14"),
    ("The judge set a trial date of Oct. 4.", date(2004, 1, 6), "Oct. 4", "2004-10-04"),
    ("The measure keeps the government running past Saturday.", date(1995, 9, 29), "Saturday", "1995-09-30"),
    # in an anniversary story, marking the anniversary is today's news
    ("Ten years ago tonight, a guard lifted the barrier. On Tuesday, leaders gathered to mark the anniversary.",
     date(1999, 11, 9), "Tuesday", "1999-11-09"),
    # a part of a day written with its date: the date alone, as TimeBank tags it
    ("Yanukovych fled Kyiv on the night of Feb. 21.", date(2014, 3, 5), "Feb. 21", "2014-02-21"),
    # analysis that moves between background and the present
    ("Mediators say the new deadline, noon next Saturday, is final.", date(1999, 2, 14), "noon next Saturday",
     "1999-02-20T12:00"),
    # "on" tells of now or of a then in the past, never of a time after publication
    ("Talks run until Tuesday. A decade on from the first offer, relief is unresolved.", date(2015, 7, 5),
     "A decade on", "2015"),
    ("The town was flattened in 2004. Five years on, it was rebuilt.", date(2015, 7, 5), "Five years on", "2009"),
    # a verb form after a possessive is a noun: "Karzai's votes" is no plan
    ("A commission threw out a third of Karzai's votes from the August election.", date(2009, 10, 25), "August",
     "2009-08"),
    ("Mubarak promised not to seek another term in September's election.", date(2011, 2, 2), "September",
     "2011-09"),
    # "an election within a year" is no rate, "two meetings a year" is
    ("The junta promised an election within a year, a pledge few believe.", date(2021, 3, 19), "a year", "P1Y"),
])
def test_expressions_in_their_context(text, published, surface, value):
    assert (surface, value) in [(s, v) for s, _, v in tags(text, published)]
