import APICore

extension Cloudflare {
    /// `GET /user/audit_logs` item.
    public struct AuditLog: Codable, Sendable, Hashable {
        public var id: String?
        public var action: Action?
        public var actor: Actor?
        public var interface: String?
        public var metadata: JSONValue?
        public var newValue: String?
        public var oldValue: String?
        public var owner: Owner?
        public var resource: Resource?
        public var when: String?

        /// What was done.
        public struct Action: Codable, Sendable, Hashable {
            public var type: String?
            public var result: Bool?
            public init(type: String?, result: Bool?) {
                self.type = type
                self.result = result
            }
        }

        /// Who did it.
        public struct Actor: Codable, Sendable, Hashable {
            public var id: String?
            public var email: String?
            public var ip: String?
            public var type: String?
            public init(id: String? = nil, email: String? = nil, ip: String? = nil, type: String? = nil) {
                self.id = id
                self.email = email
                self.ip = ip
                self.type = type
            }
        }

        /// The owner of the changed resource.
        public struct Owner: Codable, Sendable, Hashable {
            public var id: String?
            public init(id: String?) { self.id = id }
        }

        /// The changed resource.
        public struct Resource: Codable, Sendable, Hashable {
            public var id: String?
            public var type: String?
            public init(id: String?, type: String?) {
                self.id = id
                self.type = type
            }
        }

        public init(
            id: String?, action: Action? = nil, actor: Actor? = nil, interface: String? = nil,
            metadata: JSONValue? = nil, newValue: String? = nil, oldValue: String? = nil, owner: Owner? = nil,
            resource: Resource? = nil, when: String? = nil
        ) {
            self.id = id
            self.action = action
            self.actor = actor
            self.interface = interface
            self.metadata = metadata
            self.newValue = newValue
            self.oldValue = oldValue
            self.owner = owner
            self.resource = resource
            self.when = when
        }
    }

    /// `GET /accounts/{id}/logs/audit` item (audit logs v2).
    public struct AccountAuditLog: Codable, Sendable, Hashable {
        public var id: String?
        public var account: AccountRef?
        public var action: Action?
        public var actor: Actor?
        public var raw: Raw?
        public var resource: Resource?
        public var zone: ZoneRef?

        /// The account the entry belongs to.
        public struct AccountRef: Codable, Sendable, Hashable {
            public var id: String?
            public var name: String?
            public init(id: String?, name: String?) {
                self.id = id
                self.name = name
            }
        }

        /// What was done, when.
        public struct Action: Codable, Sendable, Hashable {
            public var description: String?
            public var result: String?
            public var time: String?
            public var type: String?
            public init(description: String? = nil, result: String? = nil, time: String? = nil, type: String? = nil) {
                self.description = description
                self.result = result
                self.time = time
                self.type = type
            }
        }

        /// Who did it, and through what.
        public struct Actor: Codable, Sendable, Hashable {
            public var id: String?
            public var context: String?
            public var email: String?
            public var ipAddress: String?
            public var tokenID: String?
            public var tokenName: String?
            public var type: String?

            public init(
                id: String? = nil, context: String? = nil, email: String? = nil, ipAddress: String? = nil,
                tokenID: String? = nil, tokenName: String? = nil, type: String? = nil
            ) {
                self.id = id
                self.context = context
                self.email = email
                self.ipAddress = ipAddress
                self.tokenID = tokenID
                self.tokenName = tokenName
                self.type = type
            }

            enum CodingKeys: String, CodingKey {
                case id, context, email, type
                case ipAddress = "ip_address"
                case tokenID = "token_id"
                case tokenName = "token_name"
            }
        }

        /// The raw HTTP request behind the entry.
        public struct Raw: Codable, Sendable, Hashable {
            public var cfRayID: String?
            public var method: String?
            public var statusCode: Int?
            public var uri: String?
            public var userAgent: String?

            public init(
                cfRayID: String? = nil, method: String? = nil, statusCode: Int? = nil, uri: String? = nil,
                userAgent: String? = nil
            ) {
                self.cfRayID = cfRayID
                self.method = method
                self.statusCode = statusCode
                self.uri = uri
                self.userAgent = userAgent
            }

            enum CodingKeys: String, CodingKey {
                case method, uri
                case cfRayID = "cf_ray_id"
                case statusCode = "status_code"
                case userAgent = "user_agent"
            }
        }

        /// The changed resource.
        public struct Resource: Codable, Sendable, Hashable {
            public var id: String?
            public var product: String?
            public var type: String?
            public var scope: JSONValue?
            public var request: JSONValue?
            public var response: JSONValue?

            public init(id: String? = nil, product: String? = nil, type: String? = nil, scope: JSONValue? = nil) {
                self.id = id
                self.product = product
                self.type = type
                self.scope = scope
            }
        }

        /// The zone the entry concerns, if any.
        public struct ZoneRef: Codable, Sendable, Hashable {
            public var id: String?
            public var name: String?
            public init(id: String?, name: String?) {
                self.id = id
                self.name = name
            }
        }

        public init(
            id: String?, account: AccountRef? = nil, action: Action? = nil, actor: Actor? = nil, raw: Raw? = nil,
            resource: Resource? = nil, zone: ZoneRef? = nil
        ) {
            self.id = id
            self.account = account
            self.action = action
            self.actor = actor
            self.raw = raw
            self.resource = resource
            self.zone = zone
        }
    }
}
