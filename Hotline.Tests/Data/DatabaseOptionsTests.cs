using Hotline.Core.Data;

namespace Hotline.Tests.Data;

public class DatabaseOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_use_sqlite()
    {
        var options = new DatabaseOptions();

        Assert.Empty(options.Validate());
        Assert.Equal(DatabaseProvider.Sqlite, options.ProviderKind);
    }

    [Fact]
    public void An_unknown_provider_is_reported_with_the_setting_name_and_value()
    {
        var options = new DatabaseOptions { Provider = "Oracle" };

        var error = Assert.Single(options.Validate());

        Assert.Equal("Hotline:Database:Provider must be Sqlite, PostgreSql or SqlServer (was 'Oracle')", error);
    }

    [Fact]
    public void A_numeric_provider_is_not_accepted()
    {
        Assert.Single(new DatabaseOptions { Provider = "1" }.Validate());
    }

    [Theory]
    [InlineData("postgresql", DatabaseProvider.PostgreSql)]
    [InlineData("PostgreSQL", DatabaseProvider.PostgreSql)]
    [InlineData("sqlserver", DatabaseProvider.SqlServer)]
    [InlineData("SQLITE", DatabaseProvider.Sqlite)]
    public void Provider_names_are_case_insensitive(string provider, DatabaseProvider expected)
    {
        var options = new DatabaseOptions { Provider = provider, ConnectionString = "Server=x" };
        if (expected == DatabaseProvider.Sqlite)
        {
            options.ConnectionString = "Data Source=x.db";
        }
        else if (expected == DatabaseProvider.PostgreSql)
        {
            options.ConnectionString = "Host=x";
        }

        Assert.Empty(options.Validate());
        Assert.Equal(expected, options.ProviderKind);
    }

    [Fact]
    public void An_empty_connection_string_names_the_setting()
    {
        var error = Assert.Single(new DatabaseOptions { ConnectionString = " " }.Validate());

        Assert.Contains("ConnectionStrings:Hotline", error);
    }

    [Fact]
    public void A_connection_string_with_an_unknown_keyword_names_the_setting()
    {
        var error = Assert.Single(new DatabaseOptions { Provider = "PostgreSql", ConnectionString = "Hots=localhost" }.Validate());

        Assert.StartsWith("ConnectionStrings:Hotline is not a valid PostgreSql connection string", error);
    }
}
