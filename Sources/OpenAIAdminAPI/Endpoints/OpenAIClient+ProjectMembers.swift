import APICore

extension OpenAIClient {
    static func projectUsersPath(_ projectID: String) -> [String] { projectsPath + [projectID, "users"] }

    /// `GET /organization/projects/{id}/users`.
    public func projectUsers(projectID: String, limit: Int? = maximumLimit) -> PagedList<OpenAIAdmin.ProjectUser> {
        conversationList(Self.projectUsersPath(projectID), limit: limit)
    }

    /// `POST /organization/projects/{id}/users`: adds a member of the organization to the project.
    public func addProjectUser(projectID: String, _ body: OpenAIAdmin.ProjectUserCreate) async throws
        -> OpenAIAdmin.ProjectUser
    {
        try await send(.post, Self.projectUsersPath(projectID), body: body)
    }

    /// `GET /organization/projects/{id}/users/{user_id}`.
    public func projectUser(projectID: String, userID: String) async throws -> OpenAIAdmin.ProjectUser {
        try await send(.get, Self.projectUsersPath(projectID) + [userID])
    }

    /// `POST /organization/projects/{id}/users/{user_id}`: changes the member's project role.
    public func updateProjectUser(projectID: String, userID: String, _ body: OpenAIAdmin.ProjectUserUpdate)
        async throws -> OpenAIAdmin.ProjectUser
    {
        try await send(.post, Self.projectUsersPath(projectID) + [userID], body: body)
    }

    /// `DELETE /organization/projects/{id}/users/{user_id}`: removes the member from the project.
    public func removeProjectUser(projectID: String, userID: String) async throws {
        try await delete(Self.projectUsersPath(projectID) + [userID])
    }
}
