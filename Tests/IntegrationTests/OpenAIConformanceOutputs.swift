/// What `Conformance/openai_conformance.py` prints for each scenario (snake_case keys, as the script writes them).
enum OpenAISDKOutput {
    /// A call that failed with an HTTP error, as the SDK reported it.
    struct Failure: Decodable {
        var exception: String
        var statusCode: Int
        var message: String
        var type: String?
        var code: String?
        var param: String?
        var bodyKeys: [String]

        enum CodingKeys: String, CodingKey {
            case exception, message, type, code, param
            case statusCode = "status_code"
            case bodyKeys = "body_keys"
        }
    }

    /// A DELETE answer as the SDK parsed it.
    struct Deleted: Decodable {
        var id: String?
        var object: String
        var deleted: Bool
    }

    struct Users: Decodable {
        var count: Int
        var uniqueCount: Int
        var ids: [String]
        var roles: [String: Int]
        var filteredIDs: [String]

        enum CodingKeys: String, CodingKey {
            case count, ids, roles
            case uniqueCount = "unique_count"
            case filteredIDs = "filtered_ids"
        }
    }

    struct Role: Decodable {
        struct User: Decodable {
            var id: String
            var role: String?
        }

        var updated: User
        var fetchedRole: String?

        enum CodingKeys: String, CodingKey {
            case updated
            case fetchedRole = "fetched_role"
        }
    }

    struct Assignments: Decodable {
        struct Created: Decodable {
            var object: String
            var roleID: String
            var userID: String

            enum CodingKeys: String, CodingKey {
                case object
                case roleID = "role_id"
                case userID = "user_id"
            }
        }

        var catalogue: [String]
        var before: [String]
        var created: Created
        var fetchedID: String
        var during: [String]
        var deleted: Deleted
        var after: [String]
        var gone: Failure

        enum CodingKeys: String, CodingKey {
            case catalogue, before, created, during, deleted, after, gone
            case fetchedID = "fetched_id"
        }
    }

    struct Invite: Decodable {
        struct Created: Decodable {
            struct Project: Decodable {
                var id: String
                var role: String
            }

            var id: String
            var email: String
            var status: String
            var projects: [Project]?
        }

        var created: Created
        var fetchedStatus: String
        var listedIDs: [String]
        var listedStatuses: [String]
        var deleted: Deleted
        var gone: Failure
        var acceptedID: String
        var refused: Failure

        enum CodingKeys: String, CodingKey {
            case created, deleted, gone, refused
            case fetchedStatus = "fetched_status"
            case listedIDs = "listed_ids"
            case listedStatuses = "listed_statuses"
            case acceptedID = "accepted_id"
        }
    }

    struct AdminKey: Decodable {
        var id: String
        var value: String
        var redactedValue: String
        var ownRedactedValue: String
        var listedIDs: [String]
        var deleted: Deleted
        var refused: Failure

        enum CodingKeys: String, CodingKey {
            case id, value, deleted, refused
            case redactedValue = "redacted_value"
            case ownRedactedValue = "own_redacted_value"
            case listedIDs = "listed_ids"
        }
    }

    struct Projects: Decodable {
        var activeIDs: [String]
        var allIDs: [String]
        var addedRole: String
        var changedRole: String
        var removed: Deleted
        var serviceAccountID: String
        var keyValue: String
        var keyListed: Bool
        var keyOwnerType: String?
        var bareRole: String
        var bareHasKey: Bool
        var deletedKey: Deleted
        var deletedAccount: Deleted

        enum CodingKeys: String, CodingKey {
            case removed
            case activeIDs = "active_ids"
            case allIDs = "all_ids"
            case addedRole = "added_role"
            case changedRole = "changed_role"
            case serviceAccountID = "service_account_id"
            case keyValue = "key_value"
            case keyListed = "key_listed"
            case keyOwnerType = "key_owner_type"
            case bareRole = "bare_role"
            case bareHasKey = "bare_has_key"
            case deletedKey = "deleted_key"
            case deletedAccount = "deleted_account"
        }
    }

    struct Retry: Decodable {
        var statusCode: Int
        var retriesTaken: Int
        var count: Int

        enum CodingKeys: String, CodingKey {
            case count
            case statusCode = "status_code"
            case retriesTaken = "retries_taken"
        }
    }

    struct Sweep: Decodable {
        struct Call: Decodable {
            var call: String
            var ok: Bool
            var error: String?
        }

        var counts: [String: Int]
        var calls: [Call]
    }
}
