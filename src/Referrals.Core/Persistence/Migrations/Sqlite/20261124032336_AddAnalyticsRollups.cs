using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Referrals.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddAnalyticsRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AnalyticsHours",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Hour = table.Column<long>(type: "INTEGER", nullable: false),
                    AsksScheduled = table.Column<int>(type: "INTEGER", nullable: false),
                    AsksSent = table.Column<int>(type: "INTEGER", nullable: false),
                    AsksAnswered = table.Column<int>(type: "INTEGER", nullable: false),
                    Promoters = table.Column<int>(type: "INTEGER", nullable: false),
                    Detractors = table.Column<int>(type: "INTEGER", nullable: false),
                    ReferralsStarted = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedConverted = table.Column<int>(type: "INTEGER", nullable: false),
                    Visits = table.Column<int>(type: "INTEGER", nullable: false),
                    Conversions = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnalyticsHours", x => new { x.TenantId, x.Hour });
                });

            migrationBuilder.CreateTable(
                name: "AnalyticsLedgerHours",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Hour = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Entries = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnalyticsLedgerHours", x => new { x.TenantId, x.Hour, x.Currency, x.Type, x.State });
                });

            migrationBuilder.CreateTable(
                name: "AnalyticsRevenueHours",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Hour = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Orders = table.Column<int>(type: "INTEGER", nullable: false),
                    Gross = table.Column<long>(type: "INTEGER", precision: 18, scale: 4, nullable: false),
                    Refunded = table.Column<long>(type: "INTEGER", precision: 18, scale: 4, nullable: false),
                    ReferralOrders = table.Column<int>(type: "INTEGER", nullable: false),
                    ReferralGross = table.Column<long>(type: "INTEGER", precision: 18, scale: 4, nullable: false),
                    ReferralRefunded = table.Column<long>(type: "INTEGER", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnalyticsRevenueHours", x => new { x.TenantId, x.Hour, x.Currency });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_TenantId_ReferralId",
                table: "Orders",
                columns: new[] { "TenantId", "ReferralId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnalyticsHours");

            migrationBuilder.DropTable(
                name: "AnalyticsLedgerHours");

            migrationBuilder.DropTable(
                name: "AnalyticsRevenueHours");

            migrationBuilder.DropIndex(
                name: "IX_Orders_TenantId_ReferralId",
                table: "Orders");
        }
    }
}
