import APICore

extension Cloudflare {
    /// A user or account subscription (`types/shared/subscription`).
    public struct Subscription: Codable, Sendable, Hashable {
        public var id: String?
        public var currency: String?
        public var price: Double?
        public var frequency: String?
        public var currentPeriodStart: String?
        public var currentPeriodEnd: String?
        public var state: String?
        public var ratePlan: RatePlan?

        public init(
            id: String?, currency: String? = nil, price: Double? = nil, frequency: String? = nil,
            currentPeriodStart: String? = nil, currentPeriodEnd: String? = nil, state: String? = nil,
            ratePlan: RatePlan? = nil
        ) {
            self.id = id
            self.currency = currency
            self.price = price
            self.frequency = frequency
            self.currentPeriodStart = currentPeriodStart
            self.currentPeriodEnd = currentPeriodEnd
            self.state = state
            self.ratePlan = ratePlan
        }

        enum CodingKeys: String, CodingKey {
            case id, currency, price, frequency, state
            case currentPeriodStart = "current_period_start"
            case currentPeriodEnd = "current_period_end"
            case ratePlan = "rate_plan"
        }
    }

    /// The plan a subscription is on.
    public struct RatePlan: Codable, Sendable, Hashable {
        public var id: String?
        public var currency: String?
        public var externallyManaged: Bool?
        public var isContract: Bool?
        public var publicName: String?
        public var scope: String?
        public var sets: [String]?

        public init(id: String?, publicName: String? = nil, currency: String? = nil, scope: String? = nil) {
            self.id = id
            self.publicName = publicName
            self.currency = currency
            self.scope = scope
        }

        enum CodingKeys: String, CodingKey {
            case id, currency, scope, sets
            case externallyManaged = "externally_managed"
            case isContract = "is_contract"
            case publicName = "public_name"
        }
    }

    /// Body of a subscription create or update.
    public struct SubscriptionBody: Codable, Sendable, Hashable {
        public var frequency: String?
        public var ratePlan: RatePlan?

        public init(frequency: String? = nil, ratePlan: RatePlan? = nil) {
            self.frequency = frequency
            self.ratePlan = ratePlan
        }

        enum CodingKeys: String, CodingKey {
            case frequency
            case ratePlan = "rate_plan"
        }
    }
}
