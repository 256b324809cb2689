/* bcryptprimitives.dll's ProcessPrng for Wine 8.0, which lacks it and which Go 1.24+ needs
   on Windows: the bytes come from RtlGenRandom (advapi32's SystemFunction036). */
#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID, ULONG);
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T n) {
	while (n > 0) {
		ULONG k = n > 0x10000000 ? 0x10000000 : (ULONG)n;
		if (!SystemFunction036(data, k)) return FALSE;
		data += k; n -= k;
	}
	return TRUE;
}
