import { useTranslation } from "react-i18next";
import type { Role } from "../../../server/domain/roles";
import { FormattedDate } from "../formatted";

interface ListedUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  createdAt: Date;
}

/** Every account on the platform, for the admin: who, which role, since when. */
export function UserTable({ users }: { users: ListedUser[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table data-testid="user-table">
        <thead>
          <tr>
            <th scope="col">{t("fields.personName")}</th>
            <th scope="col">{t("fields.email")}</th>
            <th scope="col">{t("fields.role")}</th>
            <th scope="col">{t("admin.created")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>{t(`roles.${u.role}`)}</td>
              <td>
                <FormattedDate value={u.createdAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
