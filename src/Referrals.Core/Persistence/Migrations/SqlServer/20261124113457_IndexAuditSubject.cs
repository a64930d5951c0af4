using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Referrals.Core.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class IndexAuditSubject : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_TenantId_Subject",
                table: "AuditLog",
                columns: new[] { "TenantId", "Subject" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditLog_TenantId_Subject",
                table: "AuditLog");
        }
    }
}
