"""The clean stage: publisher boilerplate goes, news stays, and the kept lines are unchanged."""

import pytest
from conftest import SEEDS

from extract.clean import clean

SEED_FILES = ("000_998bbf2173ad093f.txt", "003_b99d12ebba10067c.txt")
SEED_LAST_NEWS = {
    "000_998bbf2173ad093f.txt": (
        "The Taliban, al-Qaeda and Islamic State are terrorist organizations banned in Russia."
    ),
    "003_b99d12ebba10067c.txt": (
        "Moscow has a military base in Tajikistan and worries instability there could grow following the "
        "withdrawal of NATO troops from neighboring Afghanistan, or from conflict in the Middle East, where "
        "the Islamic State has captured swaths of territory, spilling over."
    ),
}

NEWS = [
    "Ukraine and Moldova signed an agreement on Tuesday to patrol their shared border jointly, the two "
    "governments announced.",
    "The deal follows months of talks brokered by the European Union, which pledged $2 billion in support.",
    "Readers of the regional paper protested outside its offices on Saturday after its editor was dismissed.",
]


def kept_in_order(original: str, cleaned: str) -> bool:
    """True when `cleaned` is `original` minus whole lines, joined with \\n and trimmed."""
    remaining = iter(original.split("\n"))
    return all(any(line == other for other in remaining) for line in cleaned.split("\n"))


def seed_text(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", SEED_FILES)
def test_seed_appeal_is_removed_and_the_news_kept(name):
    text = seed_text(name)
    cleaned = clean(text)
    for gone in ("Moscow Times:", "Dear readers", "$2", "monthly", "Remind me later"):
        assert gone not in cleaned
    assert cleaned.endswith(SEED_LAST_NEWS[name])
    assert cleaned == text[: text.index("\nA Message from")]  # every news line is kept, byte for byte
    assert kept_in_order(text, cleaned)


def test_guardian_style_appeal_with_a_plain_line_inside_is_removed():
    appeal = [
        "We have a small favour to ask. Every month millions of people read our reporting for free, and more "
        "and more readers chip in to keep it that way.",
        "We think everybody should be able to follow the news that shapes their lives, wherever they live.",
        "That is a choice that costs money every single day.",
        "Our newsroom has no billionaire owner and no shareholders, so nobody tells us what to cover.",
        "If you are able to, please back our work with a gift from as little as €1. It only takes a minute. "
        "Thank you.",
        "Support us",
        "Remind me in September",
    ]
    text = "\n".join(NEWS + appeal)
    assert clean(text) == "\n".join(NEWS)


def test_support_box_inside_the_article_is_removed():
    text = "\n".join([
        NEWS[0],
        "Support independent journalism",
        "Our reporting from the front line is paid for by readers like you. Donate today from $5 a month to "
        "keep it free for everyone.",
        "Donate now",
        NEWS[1],
        NEWS[2],
    ])
    assert clean(text) == "\n".join(NEWS)


def test_single_closing_appeal_without_opener_is_removed():
    text = "\n".join(NEWS + [
        "If you value our independent reporting, please consider supporting us with a monthly donation of "
        "any size.",
    ])
    assert clean(text) == "\n".join(NEWS)


def test_closing_imperative_appeal_is_removed():
    assert clean("\n".join(NEWS + ["", "Support independent journalism. Donate today."])) == "\n".join(NEWS)


@pytest.mark.parametrize("appeal", [
    "Readers can support our independent reporting by becoming members.",
    "This article was produced with support from readers like you.",
    "Support independent journalism from the Horn of Africa by subscribing to our newsletter.",
])
def test_one_line_closing_appeals_in_other_words_are_removed(appeal):
    assert clean("\n".join(NEWS + ["", appeal])) == "\n".join(NEWS)


@pytest.mark.parametrize("tail", [
    " This story has been updated.",
    " This article was updated Saturday to include comments from the commanders.",
    " Reporting from the region is funded by our readers. Donate today.",
    " Help us keep covering the Sahel. Donate now.",
    " Sahel news you can't find anywhere else: support our reporters with a monthly contribution.",
    " This story has been updated. Subscribe to our weekly Horn of Africa newsletter.",
    " Reporting from the Balkans is supported by our readers. Subscribe this month and get your first three months"
    " at half price.",
    " Support independent journalism from South Asia: subscribe today for as little as $5 a month.",
    " We are an independent newsroom that the government has declared a foreign agent. We can only keep working"
    " with your help: support us today.",
])
def test_boilerplate_run_into_the_last_paragraph_is_removed(tail):
    news = "\n".join(NEWS)
    assert clean(news + tail) == news


def test_a_last_paragraph_that_ends_in_news_about_readers_or_support_is_kept():
    for news in ("The ministry said it would support the talks. Readers of the paper protested on Monday.",
                 "He thanked his supporters. We will fight on, he told them.",
                 "We are a small country, the minister said, and we need the support of our allies.",
                 "The group urged supporters to donate. It raised $5 a month from each member, police said."):
        assert clean(news) == news


def test_membership_appeal_opened_by_a_spoken_line_is_removed():
    text = "\n".join(NEWS + [
        "Hi, this is the newsroom. Ukraine's independent media needs you more than ever.",
        "Our reporters are on the ground every day. We can only do it because thousands of readers support "
        "us with a monthly contribution.",
        "Become a member today",
        "Join 10,000 members",
    ])
    assert clean(text) == "\n".join(NEWS)


def test_paywall_prompt_is_removed():
    text = "\n".join(NEWS + [
        "You have reached your limit of free articles. Subscribe now for unlimited access from $1 a week.",
        "Already a subscriber? Log in",
    ])
    assert clean(text) == "\n".join(NEWS)


def test_correction_notices_are_removed_and_news_about_corrections_kept():
    notices = [
        "This story has been corrected to show that the truce was first agreed in April, not May.",
        "An earlier version of this article misstated the date of the vote.",
        "Correction (March 3): A caption misidentified the minister.",
    ]
    kept = ["Update: Talks resumed on Monday, the ministry said.", "The story was corrected by the BBC on Monday."]
    assert clean("\n".join([NEWS[0], notices[0], kept[0], NEWS[1], notices[1], kept[1], notices[2]])) == "\n".join(
        [NEWS[0], kept[0], NEWS[1], kept[1]])


def test_newsletter_share_cookie_and_advert_lines_are_removed_anywhere():
    furniture = [
        "Sign up for our free morning briefing, delivered to your inbox every weekday.",
        "Share this article",
        "Follow The Steppe Herald on Telegram",
        "ADVERTISEMENT",
        "We use cookies to improve your experience. By continuing to browse, you agree to our cookie policy.",
        "Story continues below advertisement",
    ]
    text = "\n".join([NEWS[0], furniture[0], furniture[1], NEWS[1], furniture[2], furniture[3], NEWS[2],
                      furniture[4], furniture[5]])
    assert clean(text) == "\n".join(NEWS)


def test_read_more_lines_and_related_story_lists_are_removed():
    text = "\n".join([
        NEWS[0],
        "Read more: EU agrees new sanctions package against Belarus",
        NEWS[1],
        "",
        "Related stories:",
        "• Poland to build a fence along its border with Belarus",
        "• Lithuania declares a state of emergency over migrant arrivals",
        "",
        NEWS[2],
    ])
    assert clean(text) == "\n".join([NEWS[0], NEWS[1], "", "", NEWS[2]])


def test_news_that_mentions_money_readers_support_or_appeals_is_kept():
    text = "\n".join(NEWS + [
        "The United States pledged $2 billion in support to Ukraine on Monday.",
        '"We need your support," Zelensky told the donors conference in Lugano, which raised $5 billion.',
        "The newspaper, which relies on subscriptions, said its readers had donated more than $40,000 since "
        "March.",
        "Countries that subscribe to the treaty must share their border data every month.",
        "Our correspondent in Kabul contributed reporting.",
        "“We need your help to rebuild, please support us,” a resident pleaded.",
    ])
    assert clean(text) == text


def test_plain_article_is_unchanged_apart_from_trimming():
    text = "\n\n" + "\n\n".join(NEWS) + "\n"
    assert clean(text) == "\n\n".join(NEWS)


def test_a_news_line_before_an_appeal_survives_even_when_it_mentions_readers():
    text = "\n".join(NEWS + [
        "Dear readers,",
        "Our journalism is free for all, but it is not free to make. Please support us from just $3 a month.",
        "Thank you for standing with us.",
    ])
    assert clean(text) == "\n".join(NEWS)
