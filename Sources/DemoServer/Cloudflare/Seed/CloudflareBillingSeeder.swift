import APICore
import CloudflareAPI

/// Generates subscriptions, billing history and the billing profile.
struct CloudflareBillingSeeder {
    let clock: SeedClock
    let user: Cloudflare.User

    /// A rate plan by id ("free", "pro", "business", "enterprise", …).
    static func ratePlan(_ id: String) -> Cloudflare.RatePlan {
        let names = [
            "free": "Free Plan", "pro": "Pro Plan", "business": "Business Plan", "enterprise": "Enterprise Plan",
            "partners_pro": "Partners Pro Plan",
        ]
        var plan = Cloudflare.RatePlan(id: id, publicName: names[id] ?? id, currency: "USD", scope: "zone")
        plan.externallyManaged = false
        plan.isContract = id == "enterprise"
        plan.sets = []
        return plan
    }

    /// The list price of a plan in USD.
    static func price(of planID: String, frequency: String) -> Double {
        let monthly: Double = ["free": 0, "pro": 25, "business": 250, "enterprise": 5000][planID] ?? 25
        switch frequency {
        case "yearly": return monthly * 10
        case "quarterly": return monthly * 3
        case "weekly": return (monthly / 4).rounded()
        default: return monthly
        }
    }

    /// A subscription with a current period around now.
    func subscription(id: String, plan: String, frequency: String, state: String = "Paid", startedDaysAgo: Int)
        -> Cloudflare.Subscription
    {
        Cloudflare.Subscription(
            id: id, currency: "USD", price: Self.price(of: plan, frequency: frequency), frequency: frequency,
            currentPeriodStart: clock.ago(days: startedDaysAgo % 30),
            currentPeriodEnd: clock.ahead(days: 30 - startedDaysAgo % 30), state: state,
            ratePlan: Self.ratePlan(plan))
    }

    /// The user's own (zone) subscriptions.
    func userSubscriptions(rng: inout SplitMix64) -> [Cloudflare.Subscription] {
        [
            subscription(id: rng.hexID(), plan: "pro", frequency: "monthly", startedDaysAgo: 412),
            subscription(id: rng.hexID(), plan: "business", frequency: "yearly", startedDaysAgo: 190),
            subscription(id: rng.hexID(), plan: "free", frequency: "monthly", state: "Provisioned", startedDaysAgo: 33),
        ]
    }

    /// An account's subscriptions.
    func accountSubscriptions(enterprise: Bool, rng: inout SplitMix64) -> [Cloudflare.Subscription] {
        if enterprise {
            return [
                subscription(id: rng.hexID(), plan: "enterprise", frequency: "yearly", startedDaysAgo: 640),
                subscription(id: rng.hexID(), plan: "business", frequency: "monthly", startedDaysAgo: 95),
                subscription(
                    id: rng.hexID(), plan: "pro", frequency: "monthly", state: "AwaitingPayment", startedDaysAgo: 12),
            ]
        }
        return [subscription(id: rng.hexID(), plan: "pro", frequency: "monthly", startedDaysAgo: 230)]
    }

    /// Monthly charges for the last `months` months, newest first.
    func history(months: Int, rng: inout SplitMix64) -> [Cloudflare.BillingHistory] {
        var rows: [Cloudflare.BillingHistory] = []
        for month in 0..<months {
            let day = month * 30 + rng.int(in: 0...3)
            rows.append(
                Cloudflare.BillingHistory(
                    id: rng.hexID(), action: "subscription", amount: 25, currency: "USD",
                    description: "Pro Plan (monthly) – acme.example", occurredAt: clock.ago(days: day, hours: 3),
                    type: "charge", zone: .init(name: "acme.example")))
            if month % 12 == 2 {
                rows.append(
                    Cloudflare.BillingHistory(
                        id: rng.hexID(), action: "subscription", amount: 2500, currency: "USD",
                        description: "Business Plan (yearly) – shop.acme.example",
                        occurredAt: clock.ago(days: day, hours: 5), type: "charge",
                        zone: .init(name: "shop.acme.example")))
            }
            if rng.chance(0.15) {
                rows.append(
                    Cloudflare.BillingHistory(
                        id: rng.hexID(), action: "refund", amount: -5, currency: "USD",
                        description: "Prorated refund – Argo Smart Routing", occurredAt: clock.ago(days: day + 1),
                        type: "refund", zone: .init(name: "blog.acme.example")))
            }
        }
        return rows
    }

    /// The user's billing profile.
    func profile(rng: inout SplitMix64) -> Cloudflare.BillingProfile {
        var profile = Cloudflare.BillingProfile(id: rng.hexID())
        profile.accountType = "type"
        profile.firstName = user.firstName
        profile.lastName = user.lastName
        profile.company = "Acme Corp"
        profile.address = "101 Townsend St"
        profile.city = "San Francisco"
        profile.state = "CA"
        profile.zipcode = user.zipcode
        profile.country = "US"
        profile.telephone = user.telephone
        profile.primaryEmail = user.email
        profile.cardNumber = "xxxx-xxxx-xxxx-4242"
        profile.cardExpiryMonth = 12
        profile.cardExpiryYear = 2031
        profile.balance = "0.00"
        profile.isPartner = false
        profile.nextBillDate = clock.ahead(days: 11)
        profile.createdOn = clock.ago(days: 1460)
        profile.editedOn = clock.ago(days: 40)
        return profile
    }
}
