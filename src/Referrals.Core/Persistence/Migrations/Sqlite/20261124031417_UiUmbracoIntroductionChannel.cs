using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Referrals.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UiUmbracoIntroductionChannel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IntroductionChannel",
                table: "Referrals",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IntroductionNote",
                table: "Referrals",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IntroductionChannel",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "IntroductionNote",
                table: "Referrals");
        }
    }
}
