import APICore

extension OpenAIClient {
    static func projectKeysPath(_ projectID: String) -> [String] { projectsPath + [projectID, "api_keys"] }

    /// `GET /organization/projects/{id}/api_keys`.
    public func projectKeys(projectID: String, limit: Int? = maximumLimit) -> PagedList<OpenAIAdmin.ProjectAPIKey> {
        conversationList(Self.projectKeysPath(projectID), limit: limit)
    }

    /// `GET /organization/projects/{id}/api_keys/{key_id}`.
    public func projectKey(projectID: String, id: String) async throws -> OpenAIAdmin.ProjectAPIKey {
        try await send(.get, Self.projectKeysPath(projectID) + [id])
    }

    /// `DELETE /organization/projects/{id}/api_keys/{key_id}`.
    public func deleteProjectKey(projectID: String, id: String) async throws {
        try await delete(Self.projectKeysPath(projectID) + [id])
    }
}
