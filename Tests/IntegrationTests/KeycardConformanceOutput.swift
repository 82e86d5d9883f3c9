/// The JSON objects `Conformance/keycard_conformance.py` prints, one type per scenario.

/// One request the SDK sent, as the script's transport recorded it.
struct KeycardWireRequest: Decodable {
    var method: String
    var path: String
    var query: String
    var accept: String?
    var authScheme: String?

    enum CodingKeys: String, CodingKey {
        case method, path, query, accept
        case authScheme = "auth_scheme"
    }
}

/// An SDK model as `to_dict` printed it (only the fields the tests read).
struct KeycardSDKObject: Decodable {
    var id: String?
    var status: String?
    var name: String?
    var description: String?
    var identifier: String?
    var clientID: String?
    var clientSecretSet: Bool?
    var organizationID: String?

    enum CodingKeys: String, CodingKey {
        case id, status, name, description, identifier
        case clientID = "client_id"
        case clientSecretSet = "client_secret_set"
        case organizationID = "organization_id"
    }
}

struct KeycardOrganizationsOutput: Decodable {
    var forward: [String]
    var backward: [String]
    var pages: Int
    var firstPagePermissions: Bool
    var wire: [KeycardWireRequest]

    enum CodingKeys: String, CodingKey {
        case forward, backward, pages, wire
        case firstPagePermissions = "first_page_permissions"
    }
}

struct KeycardInvitationsOutput: Decodable {
    struct Listed: Decodable {
        var id: String
        var status: String
    }

    var listed: [Listed]
    var created: KeycardSDKObject
    var afterDelete: KeycardSDKObject?
    var wire: [KeycardWireRequest]

    enum CodingKeys: String, CodingKey {
        case listed, created, wire
        case afterDelete = "after_delete"
    }
}

struct KeycardCredentialOutput: Decodable {
    var id: String
    var clientID: String
    var clientSecret: String
    var fetched: KeycardSDKObject
    var listedIDs: [String]

    enum CodingKeys: String, CodingKey {
        case id, fetched
        case clientID = "client_id"
        case clientSecret = "client_secret"
        case listedIDs = "listed_ids"
    }
}

struct KeycardServiceAccountOutput: Decodable {
    var updated: KeycardSDKObject
    var fetched: KeycardSDKObject
}

struct KeycardClientCredentialsOutput: Decodable {
    var organizations: [String]
    var again: [String]
    var tokenRequests: Int
    var tokenRequestRedirected: Bool
    var tokenRequestAuth: [String?]
    var apiAuth: [String?]

    enum CodingKeys: String, CodingKey {
        case organizations, again
        case tokenRequests = "token_requests"
        case tokenRequestRedirected = "token_request_redirected"
        case tokenRequestAuth = "token_request_auth"
        case apiAuth = "api_auth"
    }
}

/// `{"message", "code", "status"}` as the SDK's exception carried it.
struct KeycardErrorBody: Decodable, Equatable {
    var message: String?
    var code: String?
    var status: Int?
}

struct KeycardSSOOutput: Decodable {
    var offBody: KeycardErrorBody?
    var enabled: KeycardSDKObject
    var conflictStatus: Int?
    var fetched: KeycardSDKObject
    var afterDisableStatus: Int

    enum CodingKeys: String, CodingKey {
        case enabled, fetched
        case offBody = "off_body"
        case conflictStatus = "conflict_status"
        case afterDisableStatus = "after_disable_status"
    }
}

struct KeycardInvitationTokenOutput: Decodable {
    var preview: KeycardSDKObject
    var accepted: KeycardSDKObject
    var after: KeycardSDKObject
    var wire: [KeycardWireRequest]
}

struct KeycardErrorOutput: Decodable {
    var exception: String
    var statusCode: Int
    var body: KeycardErrorBody?

    enum CodingKeys: String, CodingKey {
        case exception, body
        case statusCode = "status_code"
    }
}

struct KeycardRetryOutput: Decodable {
    var statusCode: Int
    var retriesTaken: Int
    var firstRequestSeconds: Double

    enum CodingKeys: String, CodingKey {
        case statusCode = "status_code"
        case retriesTaken = "retries_taken"
        case firstRequestSeconds = "first_request_seconds"
    }
}

struct KeycardSweepOutput: Decodable {
    struct Call: Decodable {
        var call: String
        var ok: Bool
        var error: String?
    }

    var organizations: Int
    var calls: [Call]
}
