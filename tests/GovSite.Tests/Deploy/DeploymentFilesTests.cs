using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using YamlDotNet.RepresentationModel;

namespace GovSite.Tests.Deploy;

/// <summary>The files an operator installs from (deploy/) are valid as shipped.</summary>
public class DeploymentFilesTests
{
    private static readonly string Deploy = FindDeploy();

    private static string FindDeploy()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "deploy", "nginx", "govsite.conf")))
            {
                return Path.Combine(dir.FullName, "deploy");
            }
        }
        throw new DirectoryNotFoundException("deploy/ not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public async Task The_nginx_site_configuration_passes_nginx_t()
    {
        const string nginx = "/usr/sbin/nginx";
        if (!File.Exists(nginx))
        {
            // As the static-export test: test.sh installs nginx-light, so a missing binary is a broken setup, not a skip.
            Assert.Fail("nginx is not installed (apt-get install nginx-light): the shipped configuration cannot be checked");
        }
        var root = Directory.CreateTempSubdirectory("govsite-nginx-").FullName;
        try
        {
            // The shipped paths, moved under a scratch directory: a self-signed certificate, an empty
            // host map, the export folder. Everything else is the file as shipped.
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=www.example.gov.cn", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            Directory.CreateDirectory(Path.Combine(root, "tls"));
            await File.WriteAllTextAsync(Path.Combine(root, "tls", "fullchain.pem"), cert.ExportCertificatePem());
            await File.WriteAllTextAsync(Path.Combine(root, "tls", "privkey.pem"), key.ExportPkcs8PrivateKeyPem());
            File.Copy(Path.Combine(Deploy, "nginx", "nginx-sites.map.example"), Path.Combine(root, "nginx-sites.map"));
            var site = (await File.ReadAllTextAsync(Path.Combine(Deploy, "nginx", "govsite.conf")))
                .Replace("/etc/govsite/tls/", root + "/tls/", StringComparison.Ordinal)
                .Replace("/etc/govsite/nginx-sites.map", root + "/nginx-sites.map", StringComparison.Ordinal)
                .Replace("/var/lib/govsite/export", root + "/export", StringComparison.Ordinal)
                .Replace("/var/www/acme", root + "/acme", StringComparison.Ordinal);
            site.ShouldNotContain("/etc/govsite/");
            await File.WriteAllTextAsync(Path.Combine(root, "govsite.conf"), site);
            await File.WriteAllTextAsync(Path.Combine(root, "nginx.conf"), $$"""
                pid {{root}}/nginx.pid;
                error_log {{root}}/error.log;
                events {}
                http {
                    include /etc/nginx/mime.types;
                    access_log off;
                    client_body_temp_path {{root}}/body;
                    proxy_temp_path {{root}}/proxy;
                    include {{root}}/govsite.conf;
                }
                """);
            var run = Process.Start(new ProcessStartInfo(nginx, ["-t", "-p", root, "-c", Path.Combine(root, "nginx.conf")])
            {
                RedirectStandardError = true, RedirectStandardOutput = true,
            })!;
            var output = await run.StandardError.ReadToEndAsync() + await run.StandardOutput.ReadToEndAsync();
            await run.WaitForExitAsync();
            run.ExitCode.ShouldBe(0, output);
            output.ShouldContain("test is successful");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void The_nginx_configuration_keeps_the_back_office_internal_and_proxies_the_dynamic_paths()
    {
        var conf = File.ReadAllText(Path.Combine(Deploy, "nginx", "govsite.conf"));
        conf.ShouldContain("location ~ ^/(admin|metrics|health|healthz|openapi)(/|$) {");
        var internalBlock = conf[conf.IndexOf("location ~ ^/(admin|", StringComparison.Ordinal)..];
        internalBlock = internalBlock[..internalBlock.IndexOf('}', StringComparison.Ordinal)];
        internalBlock.ShouldContain("deny all;");
        internalBlock.ShouldContain("allow 10.0.0.0/8;");
        conf.ShouldContain("try_files $uri $uri/index.html @govsite;");
        // Every dynamic part is proxied on every request, never answered from an older export.
        var proxied = System.Text.RegularExpressions.Regex.Match(conf, @"location ~ \^/\(([a-z|-]+)\)\(/\|\$\) \{\s*proxy_pass http://govsite;");
        proxied.Success.ShouldBeTrue("no proxied location for the dynamic paths");
        proxied.Groups[1].Value.Split('|').ShouldBe(
            ["search", "interaction", "participation", "interviews", "surveys", "consultations", "disclosure", "error-reports", "services",
             "account", "unsubscribe", "files", "api"], ignoreOrder: true);
        conf.ShouldContain("proxy_set_header X-Forwarded-Proto $scheme;");
    }

    [Fact]
    public void The_compose_file_runs_govsite_on_postgresql_with_wal_archiving()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(Deploy, "compose.yaml")))
        {
            yaml.Load(reader);
        }
        var root = (YamlMappingNode)yaml.Documents.Single().RootNode;
        var services = (YamlMappingNode)root["services"];
        var postgres = (YamlMappingNode)services["postgres"];
        var govsite = (YamlMappingNode)services["govsite"];

        ((YamlScalarNode)postgres["image"]).Value!.ShouldStartWith("postgres:");
        string.Join(' ', ((YamlSequenceNode)postgres["command"]).Select(n => ((YamlScalarNode)n).Value)).ShouldContain("archive_mode=on");

        var build = (YamlMappingNode)govsite["build"];
        ((YamlScalarNode)build["dockerfile"]).Value.ShouldBe("deploy/Dockerfile");
        // The build context is relative to the compose file; the Dockerfile relative to the context.
        File.Exists(Path.Combine(Deploy, ((YamlScalarNode)build["context"]).Value!, "deploy", "Dockerfile")).ShouldBeTrue();
        var dependsOn = (YamlMappingNode)govsite["depends_on"];
        ((YamlScalarNode)((YamlMappingNode)dependsOn["postgres"])["condition"]).Value.ShouldBe("service_healthy");
        var environment = (YamlMappingNode)govsite["environment"];
        ((YamlScalarNode)environment["GOVSITE_DB"]).Value!.ShouldContain("Host=postgres;");
        string.Join(' ', ((YamlSequenceNode)((YamlMappingNode)govsite["healthcheck"])["test"]).Select(n => ((YamlScalarNode)n).Value))
            .ShouldContain("/health/ready");
        // Published on loopback only: the internet reaches GovSite through nginx.
        ((YamlSequenceNode)govsite["ports"]).Select(n => ((YamlScalarNode)n).Value).ShouldAllBe(p => p!.StartsWith("127.0.0.1:", StringComparison.Ordinal));
        ((YamlMappingNode)root["volumes"]).Children.Keys.Select(k => ((YamlScalarNode)k).Value).ShouldBe(["pgdata", "walarchive", "govsite"], ignoreOrder: true);
    }

    [Fact]
    public void The_systemd_unit_runs_the_published_program_as_its_own_user_with_the_environment_file()
    {
        var unit = File.ReadAllLines(Path.Combine(Deploy, "systemd", "govsite.service"));
        unit.ShouldContain("User=govsite");
        unit.ShouldContain("EnvironmentFile=/etc/govsite/govsite.env");
        unit.ShouldContain(l => l.StartsWith("ExecStart=/opt/govsite/govsite ", StringComparison.Ordinal));
        unit.ShouldContain("Restart=always");
        unit.ShouldContain("WantedBy=multi-user.target");
        unit.ShouldContain("ReadWritePaths=/var/lib/govsite");
    }
}
