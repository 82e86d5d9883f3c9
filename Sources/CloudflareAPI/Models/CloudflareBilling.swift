import APICore

extension Cloudflare {
    /// `GET /user/billing/history` item.
    public struct BillingHistory: Codable, Sendable, Hashable {
        public var id: String?
        public var action: String?
        public var amount: Double?
        public var currency: String?
        public var description: String?
        public var occurredAt: String?
        public var type: String?
        public var zone: Zone?

        /// The zone a charge is for.
        public struct Zone: Codable, Sendable, Hashable {
            public var name: String?
            public init(name: String?) { self.name = name }
        }

        public init(
            id: String?, action: String?, amount: Double?, currency: String?, description: String?,
            occurredAt: String?, type: String?, zone: Zone?
        ) {
            self.id = id
            self.action = action
            self.amount = amount
            self.currency = currency
            self.description = description
            self.occurredAt = occurredAt
            self.type = type
            self.zone = zone
        }

        enum CodingKeys: String, CodingKey {
            case id, action, amount, currency, description, type, zone
            case occurredAt = "occurred_at"
        }
    }

    /// `GET /user/billing/profile`: flat, every field optional; fields not modelled here are ignored.
    public struct BillingProfile: Codable, Sendable, Hashable {
        public var id: String?
        public var accountType: String?
        public var firstName: String?
        public var lastName: String?
        public var company: String?
        public var address: String?
        public var city: String?
        public var state: String?
        public var zipcode: String?
        public var country: String?
        public var telephone: String?
        public var primaryEmail: String?
        public var cardNumber: String?
        public var cardExpiryMonth: Int?
        public var cardExpiryYear: Int?
        public var balance: String?
        public var vat: String?
        public var isPartner: Bool?
        public var nextBillDate: String?
        public var createdOn: String?
        public var editedOn: String?

        public init(id: String?) { self.id = id }

        enum CodingKeys: String, CodingKey {
            case id, company, address, city, state, zipcode, country, telephone, balance, vat
            case accountType = "account_type"
            case firstName = "first_name"
            case lastName = "last_name"
            case primaryEmail = "primary_email"
            case cardNumber = "card_number"
            case cardExpiryMonth = "card_expiry_month"
            case cardExpiryYear = "card_expiry_year"
            case isPartner = "is_partner"
            case nextBillDate = "next_bill_date"
            case createdOn = "created_on"
            case editedOn = "edited_on"
        }
    }
}
