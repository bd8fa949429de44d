using GovSite.Data;
using Npgsql;

namespace GovSite.Tests.Data;

public class DataOptionsTests
{
    [Fact]
    public void A_postgres_url_becomes_a_connection_string()
    {
        var cs = new NpgsqlConnectionStringBuilder(DataOptions.NormalisePostgres("postgres://gov%40site:p%3Ass@db.internal:6543/govsite"));
        cs.Host.ShouldBe("db.internal");
        cs.Port.ShouldBe(6543);
        cs.Database.ShouldBe("govsite");
        cs.Username.ShouldBe("gov@site");
        cs.Password.ShouldBe("p:ss");
    }

    [Fact]
    public void A_url_without_a_port_uses_5432_and_key_value_strings_pass_through()
    {
        new NpgsqlConnectionStringBuilder(DataOptions.NormalisePostgres("postgresql://u@localhost/db")).Port.ShouldBe(5432);
        DataOptions.NormalisePostgres("Host=x;Database=y").ShouldBe("Host=x;Database=y");
    }
}
