//! The internal teams the platform team serves, each naming the products it uses.

pub(super) struct Customer {
    pub name: &'static str,
    pub department: &'static str,
    pub size: u32,
    pub contacts: &'static str,
    /// Names of products in `organisation::PRODUCTS`.
    pub uses: &'static [&'static str],
}

pub(super) const CUSTOMERS: &[Customer] = &[
    Customer {
        name: "Payments",
        department: "Commerce",
        size: 14,
        contacts: "Lena Brandt (tech lead)\n#payments-eng",
        uses: &["Build & CI", "Managed Postgres", "Deploy pipeline"],
    },
    Customer {
        name: "Checkout",
        department: "Commerce",
        size: 9,
        contacts: "Ravi Shah (EM)",
        uses: &["Build & CI", "Deploy pipeline"],
    },
    Customer {
        name: "Search & Discovery",
        department: "Product",
        size: 11,
        contacts: "Chloé Martin (staff engineer)",
        uses: &["Build & CI", "Managed Postgres"],
    },
    Customer {
        name: "Data Platform",
        department: "Data",
        size: 16,
        contacts: "Kwame Mensah (EM)\n#data-platform",
        uses: &["Build & CI", "Managed Postgres", "Legacy VM images"],
    },
    Customer {
        name: "Mobile Apps",
        department: "Product",
        size: 12,
        contacts: "Hana Kim (mobile lead)",
        uses: &["Build & CI"],
    },
    Customer {
        name: "Risk & Fraud",
        department: "Finance",
        size: 6,
        contacts: "Diego Alvarez (tech lead)",
        uses: &["Managed Postgres", "Legacy VM images"],
    },
];
