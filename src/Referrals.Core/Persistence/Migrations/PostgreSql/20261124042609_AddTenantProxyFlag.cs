using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Referrals.Core.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AddTenantProxyFlag : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "HasStorefrontProxy",
                table: "Tenants",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            // Shops already connected as a custom app have no app proxy: their links stay on the bridge.
            migrationBuilder.Sql(
                "UPDATE \"Tenants\" SET \"HasStorefrontProxy\" = FALSE WHERE \"Id\" IN "
                + "(SELECT \"TenantId\" FROM \"TenantConnections\" WHERE \"Mode\" = 'CustomApp');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HasStorefrontProxy",
                table: "Tenants");
        }
    }
}
