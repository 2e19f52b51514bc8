package dev.floe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code floe admin group}: groups of users sharing policies, with {@code mc admin group}'s shapes. */
@Command(
    name = "group",
    description = "Add and remove groups and their members; list and show groups.",
    subcommands = {
      AdminGroupCommand.AddGroup.class,
      AdminGroupCommand.ListGroups.class,
      AdminGroupCommand.ShowGroup.class,
      AdminGroupCommand.RemoveGroup.class
    })
final class AdminGroupCommand {

  @Command(
      name = "add",
      description = "Add MEMBERS to GROUP, creating the group if it does not exist.",
      footerHeading = "%nExample:%n",
      footer = "  floe admin group add local analysts alice bob")
  static final class AddGroup extends AdminScopedCommand {
    @Parameters(index = "1", paramLabel = "GROUP", description = "The group.")
    String group;

    @Parameters(index = "2..*", paramLabel = "MEMBERS", description = "Users to add.")
    List<String> members = List.of();

    @Override
    void run(AdminClient admin, Output output) {
      boolean exists = admin.get("groups").get("groups").findValuesAsText("name").contains(group);
      if (!exists) {
        admin.post(AdminClient.body().put("name", group), "groups");
      }
      members.forEach(member -> admin.put("groups", group, "members", member));
      JsonNode result = admin.get("groups", group);
      output.emit(result, out -> out.println(
          (exists ? "Updated" : "Created") + " group '" + group + "'"
              + (members.isEmpty() ? "." : " with members " + String.join(", ", members) + ".")));
    }
  }

  @Command(name = "list", aliases = "ls", description = "List the groups.")
  static final class ListGroups extends AdminScopedCommand {
    @Override
    void run(AdminClient admin, Output output) {
      JsonNode groups = admin.get("groups");
      TextTable table = TextTable.withColumns("GROUP", "POLICIES", "MEMBERS");
      groups.get("groups").forEach(g -> table.row(
          g.get("name").asText(), AdminUserCommand.joined(g.get("policies")), AdminUserCommand.joined(g.get("members"))));
      output.emit(groups, out -> {
        if (groups.get("groups").isEmpty()) {
          out.println("No groups on '" + alias + "'.");
        } else {
          table.print(out, "");
        }
      });
    }
  }

  @Command(name = "show", aliases = "info", description = "Show a group's policies and members.")
  static final class ShowGroup extends AdminScopedCommand {
    @Parameters(index = "1", paramLabel = "GROUP", description = "The group.")
    String group;

    @Override
    void run(AdminClient admin, Output output) {
      JsonNode result = admin.get("groups", group);
      output.emit(result, out -> {
        out.println("Group:    " + group);
        out.println("Policies: " + AdminUserCommand.joined(result.get("policies")));
        out.println("Members:  " + AdminUserCommand.joined(result.get("members")));
      });
    }
  }

  @Command(
      name = "remove",
      aliases = "rm",
      description = "Remove MEMBERS from GROUP; with no members, remove the (empty) group itself.")
  static final class RemoveGroup extends AdminScopedCommand {
    @Parameters(index = "1", paramLabel = "GROUP", description = "The group.")
    String group;

    @Parameters(index = "2..*", paramLabel = "MEMBERS", description = "Users to remove from it.")
    List<String> members = List.of();

    @Override
    void run(AdminClient admin, Output output) {
      if (members.isEmpty()) {
        admin.delete("groups", group);
        output.emit(Output.success().put("group", group), out -> out.println("Removed group '" + group + "'."));
        return;
      }
      admin.get("groups", group);
      members.forEach(member -> admin.delete("groups", group, "members", member));
      JsonNode result = admin.get("groups", group);
      output.emit(result, out -> out.println(
          "Removed " + String.join(", ", members) + " from group '" + group + "'."));
    }
  }
}
