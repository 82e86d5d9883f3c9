import APICore
import Foundation
import Synchronization

/// A transport that remembers every object with an `id` the API sent in a successful JSON answer, so a scripting
/// command can print each record with the provider's own object under `raw`, exactly as the API sent it.
final class RawObjectTap: Transport {
    private let base: any Transport
    private let objects = Mutex<[String: JSONValue]>([:])

    init(_ base: any Transport) {
        self.base = base
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let response = try await base.send(request)
        if response.isSuccess, !response.body.isEmpty,
            let value = try? JSONDecoder().decode(JSONValue.self, from: response.body)
        {
            let found = Self.identified(in: value)
            if !found.isEmpty { objects.withLock { $0.merge(found) { _, new in new } } }
        }
        return response
    }

    /// The last object the API sent with this id.
    func object(id: String) -> JSONValue? { objects.withLock { $0[id] } }

    /// The objects with an id in an answer: the answer itself, or the items of its envelope (`result`, `data`,
    /// `items`), one level deep.
    static func identified(in value: JSONValue) -> [String: JSONValue] {
        var found: [String: JSONValue] = [:]
        func add(_ value: JSONValue) {
            guard let object = value.objectValue, let id = identifier(object["id"]) else { return }
            found[id] = value
        }
        guard let object = value.objectValue else {
            if case .array(let items) = value { items.forEach(add) }
            return found
        }
        add(value)
        for key in ["result", "data", "items"] {
            switch object[key] {
            case .array(let items)?: items.forEach(add)
            case let item?: add(item)
            case nil: break
            }
        }
        return found
    }

    private static func identifier(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let id)?: id
        case .number(let number)?: number.rounded() == number ? String(Int64(number)) : String(number)
        default: nil
        }
    }
}
