enum StringFilters {
    static let all: [FilterDefinition] = []
}
