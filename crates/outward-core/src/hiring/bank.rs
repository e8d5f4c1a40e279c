//! The built-in question bank: questions that show whether someone building a platform cares
//! about the engineers who use it. Compiled into the app and named by stable slugs, so a team's
//! edits (stored beside it) can always be put back to these words.

use super::HiringTopic;

/// One built-in question with what a strong and a weak answer sound like.
pub struct BuiltIn {
    pub slug: &'static str,
    pub topic: HiringTopic,
    pub text: &'static str,
    pub good_answer: &'static str,
    pub weak_answer: &'static str,
}

const fn q(
    slug: &'static str,
    topic: HiringTopic,
    text: &'static str,
    good_answer: &'static str,
    weak_answer: &'static str,
) -> BuiltIn {
    BuiltIn {
        slug,
        topic,
        text,
        good_answer,
        weak_answer,
    }
}

/// The bank, in the order it is shown: grouped by topic.
pub const BANK: &[BuiltIn] = &[
    q(
        "who-used-it",
        HiringTopic::Users,
        "Tell us about something you built that other engineers used. Who were they, and what were they trying to get done?",
        "Names the people or teams, describes their goal in their terms, and knows what happened to them before and after the tool existed.",
        "Describes only the technology and its architecture; the users appear as \"the business\" or \"everyone\".",
    ),
    q(
        "learned-how-used",
        HiringTopic::Users,
        "How did you find out how people actually used it, as opposed to how you meant it to be used?",
        "Watched someone use it, read support threads or logs of real use, and can name a surprise that changed their mind.",
        "Assumed the design was followed; relies on the absence of complaints as proof it worked.",
    ),
    q(
        "first-week-user",
        HiringTopic::Users,
        "Picture an engineer in their first week who has to use your platform. What gets in their way?",
        "Walks through the first steps concretely (access, the first command, the first error) and names a fix for one of them.",
        "Says good engineers will figure it out, or that the documentation covers it.",
    ),
    q(
        "answered-support",
        HiringTopic::Support,
        "When did you last answer a support question about your own work? Walk us through it.",
        "Recent and specific; treats the question as a signal about the product and says what changed afterwards.",
        "Support is someone else's job, or a distraction from the real work.",
    ),
    q(
        "repeated-question",
        HiringTopic::Support,
        "The same question has reached your team five times this month. What do you do?",
        "Looks for the cause in the product, the error messages or the docs, fixes it there, and checks the questions stop.",
        "Writes a canned reply or pins a message and moves on.",
    ),
    q(
        "senior-on-support",
        HiringTopic::Support,
        "Should senior engineers take their turn on support? Why or why not?",
        "Yes: the people who shape the platform should hear its users first-hand; describes how they made room for it.",
        "Seniors are too valuable for support; it is a good training ground for juniors.",
    ),
    q(
        "made-easier",
        HiringTopic::Usability,
        "Tell us about a time you made something easier to use without adding any capability.",
        "Names the friction, how they noticed it, what they removed or renamed, and how they knew it helped.",
        "Cannot think of one, or counts only new features as improvements.",
    ),
    q(
        "error-message",
        HiringTopic::Usability,
        "Show us how you would rewrite an unhelpful error message from a tool you know.",
        "Says what went wrong, where, and what to do next, in the reader's words rather than the implementation's.",
        "Adds more internal detail (a stack trace, an error code) without saying what to do.",
    ),
    q(
        "usability-versus-hard",
        HiringTopic::Usability,
        "Your team can either fix a confusing workflow many teams hit, or solve a hard scaling problem only one team has hit so far. How do you decide?",
        "Weighs reach and pain with evidence, asks the affected teams, and is comfortable choosing the less glamorous work.",
        "Picks the harder problem because it is more interesting or better for a promotion case.",
    ),
    q(
        "migration-cost",
        HiringTopic::Migrations,
        "You need every team to move off an old system. How do you estimate what it will cost them, not you?",
        "Talks to a few teams, counts their hours, looks for the awkward cases, and plans to lower the cost before announcing a date.",
        "Sets a deadline and sends an announcement; the teams' effort is their problem.",
    ),
    q(
        "migration-stuck",
        HiringTopic::Migrations,
        "Two months before a migration deadline, three teams have not started. What do you do?",
        "Asks each team why, treats the answers as product problems, and offers help, tooling or doing the work for them.",
        "Escalates to their managers or switches the old system off on schedule regardless.",
    ),
    q(
        "migration-owned",
        HiringTopic::Migrations,
        "Who owns the pain of a migration: the team that changes the platform, or the teams that use it?",
        "The platform team: a migration is part of the product's experience and its cost is theirs to reduce.",
        "The consuming teams, because the change benefits them in the end.",
    ),
    q(
        "feedback-disagreed",
        HiringTopic::Listening,
        "Tell us about feedback from a user of your work that you disagreed with at first.",
        "Explains what the user meant, what they learned from it, and what they changed, even if not what was asked.",
        "Explains why the user was wrong; the conversation ended there.",
    ),
    q(
        "ask-without-leading",
        HiringTopic::Listening,
        "How would you find out why a team stopped using something you built?",
        "Asks open questions about what they did instead, listens for the story, and avoids defending the tool during the conversation.",
        "Sends a survey asking them to rate the tool, or asks whether they would use it if it had feature X.",
    ),
    q(
        "ticket-black-hole",
        HiringTopic::Listening,
        "A team says its requests disappear into your ticket queue. How do you respond?",
        "Takes it seriously, measures time to first response, acknowledges quickly even when the answer is no, and closes the loop.",
        "Points to the queue's process and asks them to follow the template.",
    ),
    q(
        "said-no",
        HiringTopic::Tradeoffs,
        "Tell us about a request from a user team that you said no to. How did you say it?",
        "Understood the need behind the request, explained the reason, and offered another way to meet the need.",
        "Declined because it was not on the roadmap, without understanding what the team needed.",
    ),
    q(
        "measure-success",
        HiringTopic::Tradeoffs,
        "How would you know that a platform you built is good for the people who use it?",
        "Adoption by choice, satisfaction from the users, time saved, fewer support questions; measured over time.",
        "Uptime and performance numbers only, or that nobody has complained.",
    ),
    q(
        "standard-versus-freedom",
        HiringTopic::Tradeoffs,
        "When should a platform team make every team use one standard way, and when should it leave them free?",
        "Standardises where it saves users real effort or risk, leaves freedom elsewhere, and earns adoption rather than forcing it.",
        "One way for everything, because it is easier for the platform team to run.",
    ),
];

/// The built-in question with this slug.
pub fn find(slug: &str) -> Option<&'static BuiltIn> {
    BANK.iter().find(|q| q.slug == slug)
}
