import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';

// next-auth v4 in the App Router: one handler serves every /api/auth/* GET and POST.
const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
