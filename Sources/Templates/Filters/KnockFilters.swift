import Liquid

/// Knock's Liquid helper filters (knock-spec §1.1–1.4), ready to register in an `Environment`:
///
/// - dates: `timezone`, `date` (Liquid's, plus a time-zone argument), `format_date_in_locale`,
///   `format_datetime_in_locale`
/// - numbers: `format_number`, `currency`, `rounded_currency`
/// - text and data: `json`, `from_json`, `pluralize`, `titlecase`, `intersect`,
///   `compare_versions`, `equals`, `from_markdown`
/// - hashing: `md5`, `sha256`, `hmac_sha256`
/// - side-loading: `user`, `object`, `tenant`, `subscriptions`
///
/// Each group's file documents its choices where Knock's documentation is silent. Mistakes an
/// author should see (an unknown locale, time zone, style or currency) are argument errors; data
/// that does not fit (a date that is no date, a number that is no number) comes back unchanged.
///
///     var env = Environment()
///     for filter in KnockFilters.all(dataSource: try InMemoryDataSource(json: entities)) { env.register(filter) }
public enum KnockFilters {
    /// Every Knock filter. `dataSource` answers the side-loading filters; without one they give nil.
    public static func all(dataSource: (any KnockDataSource)?) -> [FilterDefinition] {
        KnockDateFilters.all + LocaleDateFilters.all + NumberFilters.all + StringDataFilters.all + HashingFilters.all
            + SideLoadingFilters.all(dataSource: dataSource)
    }
}
