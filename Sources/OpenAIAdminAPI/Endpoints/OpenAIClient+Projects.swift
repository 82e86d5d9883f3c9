import APICore

extension OpenAIClient {
    static let projectsPath = ["organization", "projects"]

    /// `GET /organization/projects`; archived projects only when `includeArchived` is true.
    public func projects(includeArchived: Bool? = nil, limit: Int? = maximumLimit) -> PagedList<OpenAIAdmin.Project> {
        let query = includeArchived.map { [("include_archived", $0 ? "true" : "false")] } ?? []
        return conversationList(Self.projectsPath, query: query, limit: limit)
    }

    /// `GET /organization/projects/{id}`.
    public func project(id: String) async throws -> OpenAIAdmin.Project {
        try await send(.get, Self.projectsPath + [id])
    }
}
