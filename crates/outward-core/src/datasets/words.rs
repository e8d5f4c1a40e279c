//! Text for generated data: interview notes, pain-point titles and descriptions, names.
//!
//! Words are drawn from a Zipf distribution over a ranked vocabulary, as in real prose: a few
//! function words make up a large share of every text, a few hundred words of platform
//! engineering appear in most conversations, and a long tail of service and project code names
//! appears in only a few. So searches for common, middling and rare terms behave as they would
//! on a real team's notes. Everything is ASCII, so UTF-16 offsets equal byte offsets.

use rand::Rng;
use rand::distr::{Distribution, weighted::WeightedIndex};
use rand_chacha::ChaCha8Rng;

const FUNCTION: &[&str] = &[
    "the", "to", "and", "a", "of", "we", "it", "in", "is", "that", "for", "they", "on", "with",
    "this", "but", "when", "our", "have", "not", "be", "are", "at", "so", "was", "from", "every",
    "just", "then", "what", "there", "about", "if", "all", "out", "can", "would", "one", "more",
    "still", "because", "which", "their", "them", "after", "before", "now", "only", "again",
    "never", "always", "usually", "nobody", "someone", "each", "week", "day", "time", "people",
    "thing",
];

const DOMAIN: &[&str] = &[
    "deploy",
    "pipeline",
    "build",
    "cache",
    "runner",
    "queue",
    "cluster",
    "postgres",
    "failover",
    "backup",
    "restore",
    "migration",
    "template",
    "yaml",
    "review",
    "canary",
    "rollback",
    "alert",
    "pager",
    "incident",
    "latency",
    "timeout",
    "retry",
    "quota",
    "secret",
    "token",
    "vault",
    "certificate",
    "dns",
    "ingress",
    "kubernetes",
    "namespace",
    "helm",
    "terraform",
    "module",
    "runbook",
    "dashboard",
    "metric",
    "logs",
    "trace",
    "onboarding",
    "documentation",
    "ticket",
    "approval",
    "release",
    "branch",
    "merge",
    "artifact",
    "registry",
    "image",
    "container",
    "node",
    "scaling",
    "cost",
    "budget",
    "region",
    "replica",
    "index",
    "schema",
    "query",
    "connection",
    "pool",
    "lock",
    "permission",
    "role",
    "iam",
    "policy",
    "audit",
    "compliance",
    "sandbox",
    "staging",
    "production",
    "environment",
    "config",
    "flag",
    "feature",
    "rollout",
    "window",
    "freeze",
    "weekend",
    "monday",
    "morning",
    "night",
    "team",
    "engineer",
    "manager",
    "customer",
    "support",
    "slack",
    "channel",
    "thread",
    "question",
    "answer",
    "workaround",
    "script",
    "manual",
    "toil",
    "automation",
    "portal",
    "catalog",
    "ownership",
    "handover",
    "oncall",
    "escalation",
    "outage",
    "postmortem",
    "sla",
    "slo",
    "error",
    "burn",
    "capacity",
    "disk",
    "memory",
    "cpu",
    "network",
    "firewall",
    "proxy",
    "gateway",
    "load",
    "balancer",
    "service",
    "mesh",
    "sidecar",
    "upgrade",
    "version",
    "deprecation",
    "legacy",
    "vm",
    "ami",
    "patch",
    "vulnerability",
    "scan",
    "dependency",
    "library",
    "sdk",
    "cli",
    "api",
    "endpoint",
    "webhook",
    "event",
    "stream",
    "kafka",
    "topic",
    "consumer",
    "producer",
    "batch",
    "job",
    "cron",
    "scheduler",
    "airflow",
    "spark",
    "warehouse",
    "snapshot",
    "retention",
    "archive",
    "storage",
    "bucket",
    "object",
    "encryption",
    "key",
    "rotation",
    "password",
    "sso",
    "ldap",
    "group",
    "access",
    "request",
    "form",
    "wiki",
    "readme",
    "guide",
    "example",
    "tutorial",
    "demo",
    "workshop",
    "training",
    "estimate",
    "roadmap",
    "quarter",
    "priority",
    "backlog",
    "sprint",
    "standup",
    "retro",
    "tests",
    "flaky",
    "coverage",
    "lint",
    "format",
    "commit",
    "hook",
    "repo",
    "monorepo",
    "fork",
    "pull",
    "checks",
    "green",
    "red",
    "blocked",
    "waiting",
    "slow",
    "fast",
    "broken",
    "confusing",
    "unclear",
    "missing",
    "stale",
    "noisy",
    "painful",
    "expensive",
    "reliable",
    "predictable",
    "trust",
    "visibility",
    "signal",
    "owner",
    "contract",
    "limit",
    "throttling",
    "spike",
    "peak",
    "traffic",
    "batching",
    "parallel",
    "sequential",
    "serial",
    "cold",
    "warm",
    "start",
    "hours",
    "minutes",
    "seconds",
    "days",
    "weeks",
    "months",
];

/// Syllables for service and project code names: the long tail of the vocabulary.
const SYLLABLES: &[&str] = &[
    "ka", "lo", "ri", "ven", "dor", "mi", "tas", "zen", "ul", "bra", "quo", "fy", "nor", "pex",
    "sa", "tri", "ob", "vel", "gan", "cu", "rho", "lum", "dax", "ine", "or", "pel", "sto", "wen",
    "ix", "mar",
];

const FIRST_NAMES: &[&str] = &[
    "Lena", "Ravi", "Chloe", "Kwame", "Hana", "Diego", "Aisha", "Tomas", "Priya", "Jonas", "Aiko",
    "Sam", "Maya", "Omar", "Ines", "Lars", "Mei", "Noah", "Zara", "Felix", "Amara", "Yusuf",
    "Elena", "Kofi", "Sofia", "Arjun", "Nadia", "Hugo", "Leila", "Mateo", "Freya", "Tariq",
    "Ingrid", "Malik", "Rosa", "Kenji", "Alma", "Idris", "Vera", "Bruno",
];

const LAST_NAMES: &[&str] = &[
    "Brandt",
    "Shah",
    "Martin",
    "Mensah",
    "Kim",
    "Alvarez",
    "Okafor",
    "Ferreira",
    "Raman",
    "Lindqvist",
    "Tanaka",
    "Whitfield",
    "Haddad",
    "Novak",
    "Costa",
    "Jensen",
    "Wong",
    "Dubois",
    "Nakamura",
    "Petrov",
    "Osei",
    "Garcia",
    "Schmidt",
    "Kowalski",
    "Rossi",
    "Iyer",
    "Farouk",
    "Berg",
    "Moreau",
    "Silva",
    "Tran",
    "Adeyemi",
    "Larsen",
    "Ortiz",
    "Bauer",
    "Sato",
    "Quinn",
    "Eriksen",
    "Mahmoud",
    "Reyes",
];

const SECTIONS: &[&str] = &[
    "Context",
    "How they work today",
    "What hurts",
    "Deploys",
    "Builds and CI",
    "Databases",
    "On-call",
    "Access and permissions",
    "Documentation",
    "Costs",
    "What they asked for",
    "Workarounds",
    "Follow-ups",
    "Observations",
];

const SUBJECTS: &[&str] = &[
    "CI queue",
    "Build cache",
    "Postgres failover",
    "Deploy pipeline",
    "Canary analysis",
    "Rollback",
    "Secret rotation",
    "Access requests",
    "Runner capacity",
    "Pipeline templates",
    "Terraform modules",
    "Cluster upgrades",
    "Log search",
    "Alert routing",
    "Cost reports",
    "Kafka topics",
    "Backup restores",
    "Schema migrations",
    "Service catalog",
    "Onboarding guide",
    "Certificate renewal",
    "DNS changes",
    "Feature flags",
    "Staging environment",
    "Load balancer",
    "Artifact registry",
    "Dependency scanning",
    "Flaky tests",
    "Batch scheduler",
    "Quota limits",
];

const COMPLAINTS: &[&str] = &[
    "is slow",
    "fails without a clear error",
    "needs a manual approval",
    "is hard to find",
    "breaks after upgrades",
    "wakes people at night",
    "is undocumented",
    "is out of date",
    "takes days to change",
    "costs more than expected",
    "hides the real cause",
    "needs a ticket to another team",
    "times out",
    "is inconsistent between regions",
    "has no self-service",
    "loses history",
];

const CONTEXTS: &[&str] = &[
    "at peak times",
    "for new joiners",
    "after releases",
    "in the EU region",
    "on Monday mornings",
    "during incidents",
    "for data jobs",
    "on the mobile team",
    "during the freeze",
    "for legacy services",
    "in staging",
    "across many repos",
];

/// A Zipf-ranked vocabulary and what generated text needs besides.
pub struct Words {
    vocabulary: Vec<String>,
    zipf: WeightedIndex<f64>,
}

/// A piece of generated notes that can serve as evidence: its span in UTF-16 units.
#[derive(Debug, Clone, Copy)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Words {
    pub fn new() -> Self {
        let mut vocabulary: Vec<String> = FUNCTION.iter().map(|w| (*w).to_owned()).collect();
        vocabulary.extend(DOMAIN.iter().map(|w| (*w).to_owned()));
        for a in SYLLABLES {
            for b in SYLLABLES {
                vocabulary.push(format!("{a}{b}"));
            }
        }
        for a in SYLLABLES {
            for b in SYLLABLES {
                for c in SYLLABLES {
                    vocabulary.push(format!("{a}{b}{c}"));
                }
            }
        }
        let weights = (1..=vocabulary.len()).map(|rank| 1.0 / rank as f64);
        let zipf = WeightedIndex::new(weights).expect("positive weights");
        Words { vocabulary, zipf }
    }

    fn word(&self, rng: &mut ChaCha8Rng) -> &str {
        &self.vocabulary[self.zipf.sample(rng)]
    }

    /// A sentence of 6–22 words, capitalised and ended with a full stop. Returns its words.
    pub fn sentence(&self, rng: &mut ChaCha8Rng, out: &mut String) -> usize {
        let words = rng.random_range(6..=22);
        let start = out.len();
        for i in 0..words {
            if i > 0 {
                out.push(' ');
            }
            if rng.random_ratio(1, 40) {
                out.push_str(&rng.random_range(2..=500).to_string());
            } else {
                out.push_str(self.word(rng));
            }
        }
        if let Some(first) = out[start..].chars().next() {
            out.replace_range(start..start + 1, &first.to_ascii_uppercase().to_string());
        }
        out.push('.');
        words
    }

    /// Markdown notes of at least `words` words: a title, sections with paragraphs, lists and
    /// quotes. Returns the spans of the sentences that can be marked as evidence, and how many
    /// words were written.
    pub fn notes(
        &self,
        rng: &mut ChaCha8Rng,
        title: &str,
        speaker: &str,
        words: usize,
        out: &mut String,
    ) -> (Vec<Span>, usize) {
        out.clear();
        out.push_str("# ");
        out.push_str(title);
        out.push_str("\n\n");
        let mut spans = Vec::new();
        let mut written = 0;
        let mut sentence = |out: &mut String| {
            let start = out.len();
            written += self.sentence(rng, out);
            spans.push(Span {
                start: start as u32,
                end: out.len() as u32,
            });
            written
        };
        for section in SECTIONS.iter().cycle() {
            out.push_str("## ");
            out.push_str(section);
            out.push_str("\n\n");
            for _ in 0..3 {
                sentence(out);
                out.push(' ');
            }
            out.push_str("\n\n- ");
            sentence(out);
            out.push_str("\n- ");
            sentence(out);
            out.push_str("\n\n> ");
            let total = sentence(out);
            out.push_str(" (");
            out.push_str(speaker);
            out.push_str(")\n\n");
            if total >= words {
                break;
            }
        }
        (spans, written)
    }

    /// A pain point's title, such as "CI queue is slow at peak times".
    pub fn title(&self, rng: &mut ChaCha8Rng) -> String {
        let subject = SUBJECTS[rng.random_range(0..SUBJECTS.len())];
        let complaint = COMPLAINTS[rng.random_range(0..COMPLAINTS.len())];
        let context = CONTEXTS[rng.random_range(0..CONTEXTS.len())];
        format!("{subject} {complaint} {context}")
    }

    /// A person's name, such as "Lena Brandt".
    pub fn name(rng: &mut ChaCha8Rng) -> String {
        let first = FIRST_NAMES[rng.random_range(0..FIRST_NAMES.len())];
        let last = LAST_NAMES[rng.random_range(0..LAST_NAMES.len())];
        format!("{first} {last}")
    }

    /// A code name from the tail of the vocabulary, capitalised: "Kadorven".
    pub fn code_name(&self, rng: &mut ChaCha8Rng) -> String {
        let tail = FUNCTION.len() + DOMAIN.len();
        let word = &self.vocabulary[rng.random_range(tail..self.vocabulary.len())];
        let mut name = word.clone();
        name[..1].make_ascii_uppercase();
        name
    }
}
