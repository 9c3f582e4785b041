// Pages of the clients module, as the router mounts them.
export { ClientsListPage as ClientsPage } from './ClientsListPage';
export { ClientCardPage } from './ClientCardPage';
export { ImportPage as ClientsImportPage } from './ImportPage';
