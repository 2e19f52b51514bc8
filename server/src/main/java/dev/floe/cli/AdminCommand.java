package dev.floe.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ScopeType;

/** {@code floe admin}: users, access keys, policies and groups, like MinIO's {@code mc admin}. */
@Command(
    name = "admin",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    sortOptions = false,
    versionProvider = FloeVersion.class,
    description =
        "Manage who may do what on a Floe server: users and their access keys, IAM policies,"
            + " and groups. Needs the root keys or a policy allowing the floe:Admin* actions.",
    subcommands = {
      AdminUserCommand.class,
      AdminAccessKeyCommand.class,
      AdminPolicyCommand.class,
      AdminGroupCommand.class
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  floe admin user add local alice alice-secret-key",
      "  floe admin policy create local readonly readonly.json",
      "  floe admin policy attach local readonly --user alice",
      "  floe admin accesskey create local alice"
    })
final class AdminCommand {
  @Mixin(name = GlobalOptions.MIXIN_NAME)
  GlobalOptions globalOptions;
}
