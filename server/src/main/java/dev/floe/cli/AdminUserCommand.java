package dev.floe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code floe admin user}: users, each named after its first access key as in MinIO. */
@Command(
    name = "user",
    description = "Add, list, enable, disable and remove users.",
    subcommands = {
      AdminUserCommand.AddUser.class,
      AdminUserCommand.ListUsers.class,
      AdminUserCommand.EnableUser.class,
      AdminUserCommand.DisableUser.class,
      AdminUserCommand.RemoveUser.class
    })
final class AdminUserCommand {

  @Command(
      name = "add",
      description = "Add a user named ACCESSKEY that signs with ACCESSKEY and SECRETKEY.",
      footerHeading = "%nExample:%n",
      footer = "  floe admin user add local alice alice-secret-key")
  static final class AddUser extends AdminScopedCommand {
    @Parameters(index = "1", paramLabel = "ACCESSKEY", description = "The user's name and first access key.")
    String accessKey;

    @Parameters(index = "2", paramLabel = "SECRETKEY", description = "Its secret key, 8 to 128 characters.")
    String secretKey;

    @Override
    void run(AdminClient admin, Output output) {
      JsonNode user =
          admin.post(AdminClient.body().put("access-key", accessKey).put("secret-key", secretKey), "users");
      output.emit(user, out -> out.println("Added user '" + user.get("name").asText() + "'."));
    }
  }

  @Command(name = "list", aliases = "ls", description = "List the users.")
  static final class ListUsers extends AdminScopedCommand {
    @Override
    void run(AdminClient admin, Output output) {
      JsonNode users = admin.get("users");
      TextTable table = TextTable.withColumns("USER", "STATUS", "POLICIES", "GROUPS");
      users.get("users").forEach(u -> table.row(
          u.get("name").asText(), status(u), joined(u.get("policies")), joined(u.get("groups"))));
      output.emit(users, out -> {
        if (users.get("users").isEmpty()) {
          out.println("No users on '" + alias + "'.");
        } else {
          table.print(out, "");
        }
      });
    }
  }

  @Command(name = "enable", description = "Let a user's access keys sign requests again.")
  static final class EnableUser extends AdminScopedCommand {
    @Parameters(index = "1", paramLabel = "USER", description = "The user.")
    String user;

    @Override
    void run(AdminClient admin, Output output) {
      JsonNode result = admin.post(AdminClient.body(), "users", user, "enable");
      output.emit(result, out -> out.println("Enabled user '" + user + "'."));
    }
  }

  @Command(name = "disable", description = "Stop a user's access keys from signing requests.")
  static final class DisableUser extends AdminScopedCommand {
    @Parameters(index = "1", paramLabel = "USER", description = "The user.")
    String user;

    @Override
    void run(AdminClient admin, Output output) {
      JsonNode result = admin.post(AdminClient.body(), "users", user, "disable");
      output.emit(result, out -> out.println("Disabled user '" + user + "'."));
    }
  }

  @Command(name = "remove", aliases = "rm", description = "Remove a user and all its access keys.")
  static final class RemoveUser extends AdminScopedCommand {
    @Parameters(index = "1", paramLabel = "USER", description = "The user.")
    String user;

    @Override
    void run(AdminClient admin, Output output) {
      admin.delete("users", user);
      output.emit(Output.success().put("user", user), out -> out.println("Removed user '" + user + "'."));
    }
  }

  static String status(JsonNode user) {
    return user.get("enabled").asBoolean() ? "enabled" : "disabled";
  }

  static String joined(JsonNode names) {
    StringBuilder text = new StringBuilder();
    names.forEach(name -> text.append(text.length() == 0 ? "" : ",").append(name.asText()));
    return text.toString();
  }
}
