import APICore
import CloudflareAPI

extension CloudflareStore {
    /// Who owns a subscription: the user or an account.
    enum SubscriptionOwner: Sendable, Hashable {
        case user
        case account(String)
    }

    /// The subscriptions of `owner`.
    func subscriptions(of owner: SubscriptionOwner) throws -> [Cloudflare.Subscription] {
        switch owner {
        case .user: return userSubscriptions
        case .account(let id): return try accountRecord(id).subscriptions
        }
    }

    /// The ids of an account's subscriptions (for tests); empty for an unknown account.
    public func subscriptionIDs(accountID: String) -> [String] {
        ((try? subscriptions(of: .account(accountID))) ?? []).compactMap(\.id)
    }

    /// One subscription.
    func subscription(of owner: SubscriptionOwner, id: String) throws -> Cloudflare.Subscription {
        guard let found = try subscriptions(of: owner).first(where: { $0.id == id }) else {
            throw DemoAPIError.notFound
        }
        return found
    }

    /// Creates an account subscription (defaults: the free plan, monthly).
    func createSubscription(accountID: String, body: Cloudflare.SubscriptionBody) throws -> Cloudflare.Subscription {
        var record = try accountRecord(accountID)
        let frequency = try Self.frequency(body.frequency ?? "monthly")
        let planID = body.ratePlan?.id ?? "free"
        let subscription = billing.subscription(id: newID(), plan: planID, frequency: frequency, startedDaysAgo: 0)
        record.subscriptions.append(subscription)
        accounts[accountID] = record
        return subscription
    }

    /// Changes the frequency or plan of a subscription.
    func updateSubscription(of owner: SubscriptionOwner, id: String, body: Cloudflare.SubscriptionBody) throws
        -> Cloudflare.Subscription
    {
        var list = try subscriptions(of: owner)
        guard let index = list.firstIndex(where: { $0.id == id }) else { throw DemoAPIError.notFound }
        var subscription = list[index]
        if let frequency = body.frequency { subscription.frequency = try Self.frequency(frequency) }
        if let planID = body.ratePlan?.id { subscription.ratePlan = CloudflareBillingSeeder.ratePlan(planID) }
        subscription.price = CloudflareBillingSeeder.price(
            of: subscription.ratePlan?.id ?? "free", frequency: subscription.frequency ?? "monthly")
        list[index] = subscription
        try store(list, for: owner)
        return subscription
    }

    /// Cancels (deletes) a subscription.
    func deleteSubscription(of owner: SubscriptionOwner, id: String) throws {
        var list = try subscriptions(of: owner)
        guard list.contains(where: { $0.id == id }) else { throw DemoAPIError.notFound }
        list.removeAll { $0.id == id }
        try store(list, for: owner)
    }

    private func store(_ list: [Cloudflare.Subscription], for owner: SubscriptionOwner) throws {
        switch owner {
        case .user: userSubscriptions = list
        case .account(let id):
            var record = try accountRecord(id)
            record.subscriptions = list
            accounts[id] = record
        }
    }

    private static func frequency(_ value: String) throws -> String {
        guard ["weekly", "monthly", "quarterly", "yearly"].contains(value) else {
            throw DemoAPIError.invalidBody("frequency must be weekly, monthly, quarterly or yearly")
        }
        return value
    }
}
