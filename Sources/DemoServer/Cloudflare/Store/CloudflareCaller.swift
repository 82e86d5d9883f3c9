/// Who made an authenticated request.
enum CloudflareCaller: Sendable, Hashable {
    /// A user API token (Bearer).
    case userToken(id: String)
    /// An account-owned API token (Bearer), usable only under `/accounts/{accountID}`.
    case accountToken(accountID: String, id: String)
    /// The global API key with the user's email.
    case globalKey

    /// The id of the calling token, if a token made the call.
    var tokenID: String? {
        switch self {
        case .userToken(let id), .accountToken(_, let id): id
        case .globalKey: nil
        }
    }
}
