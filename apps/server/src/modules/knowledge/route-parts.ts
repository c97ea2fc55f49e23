import { z } from 'zod';
import { errorBody, id } from '@kefu/shared/api';

/** What the knowledge module's routes have in common: an id in the path, the error answers. */
export const idParams = z.object({ id });
export const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };
